package dev.portcullis.sim.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.core.Reason;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Replays password attempts against a gate's Dovecot auth-policy endpoint exactly as Dovecot 2.3's
 * policy client asks it (auth_policy_check_before_auth, _check_after_auth and _report_after_auth on):
 * <ol>
 *   <li>{@code POST <url>?command=allow} before the password is checked. {@code status} −1 refuses
 *       the login (the password is never checked), N &gt; 0 delays it N seconds, 0 lets it go on.</li>
 *   <li>The password check: its outcome is the attempt's, as the log recorded it.</li>
 *   <li>Only when the password was right, {@code allow} again: −1 now turns the login into a failure.</li>
 *   <li>{@code POST <url>?command=report} with {@code success}, {@code policy_reject} and (as
 *       Dovecot 2.4 adds) {@code fail_type}: credentials, account or policy.</li>
 * </ol>
 * Bodies carry Dovecot's default attributes ({@code login}, {@code pwhash}, {@code remote},
 * {@code device_id}, {@code protocol}, {@code session_id}) and {@code tls}. An event for N attempts
 * (a Dovecot "N attempts" line) is N such conversations. Events other than authentication attempts
 * (sessions, mailbox actions) and events that only confirm attempts already counted are not sent.
 *
 * <p>Passwords are not in logs, so the {@code pwhash} is made up the way Dovecot makes it
 * ({@link #pwhash}) from a stand-in: an account's own password for a success, and for a failure a
 * wrong one that depends on the address (a stale phone or a sprayer repeats the same one; the k-th
 * of several attempts in one event differs). No real password is ever involved.
 *
 * <p>Connections are kept alive and reused, as Dovecot's HTTP client does; attempts are sent one at a
 * time, in the order given. With a {@link FastClock} each event waits until the clock reaches its
 * time (and a delay the gate asks for is waited out in simulated time; a clock still standing is
 * started when the run starts); without one, events go as
 * fast as the gate answers. When the gate does not answer, the login goes on as Dovecot does with
 * {@code auth_policy_reject_on_fail = no} (allowed), counted as an error; many errors in a row end
 * the run.
 *
 * <p>One instance per run, configured before {@link #run}; {@link #stop()} and {@link #tally()} may be
 * called from any thread.
 */
public final class PolicyReplay {
    /** How one attempt ended. */
    public enum Outcome {
        /** The password was wrong (the gate let it be checked). */
        FAILED,
        /** The password was right and the gate let the login through. */
        LOGGED_IN,
        /** The gate refused it before the password was checked. */
        REFUSED,
        /** The password was right, and the gate refused it after the check. */
        REFUSED_AFTER_PASSWORD
    }

    /** Told of every attempt's outcome, on the replaying thread; must be quick. */
    @FunctionalInterface
    public interface Listener {
        /** @param delaySeconds the delay the gate asked for before the password check (0 for none) */
        void answered(AuthEvent event, Outcome outcome, int delaySeconds, String message);
    }

    /** What a run did, so far or in all. */
    public record Tally(long events, long attempts, long requests, long loggedIn, long failed, long refused,
                        long refusedAfterPassword, long delayed, long skipped, long errors) {
    }

    static final int MAX_ERRORS_IN_A_ROW = 20;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI allow;
    private final URI report;
    private final String endpoint;
    private final HttpClient http;
    private String headerName;
    private String headerValue;
    private String nonce = "portcullis-replay";
    private FastClock pace;
    private Listener listener = (e, o, d, m) -> { };
    private Predicate<AuthEvent> skip = e -> false;
    private volatile boolean stopped;
    private volatile Thread runner;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong loggedIn = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong refusedAfter = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private int errorsInARow;

    /**
     * @param policyUrl the gate's policy URL as in Dovecot's {@code auth_policy_server_url}: the
     *                  command is appended as {@code ?command=…}, or as {@code command=…} when the URL
     *                  ends with {@code &}
     */
    public PolicyReplay(URI policyUrl) {
        String u = policyUrl.toString();
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("the policy URL must be http:// or https://, was '" + u + "'");
        }
        this.endpoint = u;
        this.allow = URI.create(u.endsWith("&") ? u + "command=allow" : u + "?command=allow");
        this.report = URI.create(u.endsWith("&") ? u + "command=report" : u + "?command=report");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The header Dovecot's {@code auth_policy_server_api_header} adds (e.g. X-API-Key and the secret). */
    public PolicyReplay header(String name, String value) {
        this.headerName = Objects.requireNonNull(name, "name");
        this.headerValue = Objects.requireNonNull(value, "value");
        return this;
    }

    /** Dovecot's {@code auth_policy_hash_nonce}. */
    public PolicyReplay nonce(String n) {
        this.nonce = Objects.requireNonNull(n, "nonce");
        return this;
    }

    /** Paces events by their times on this clock (null: as fast as the gate answers). */
    public PolicyReplay pace(FastClock clock) {
        this.pace = clock;
        return this;
    }

    public PolicyReplay listener(Listener l) {
        this.listener = l == null ? (e, o, d, m) -> { } : l;
        return this;
    }

    /**
     * Events for which {@code p} is true when their turn comes are not sent (counted as skipped): e.g.
     * an attacker's return to an account whose break-in the gate refused, which never happens.
     */
    public PolicyReplay skip(Predicate<AuthEvent> p) {
        this.skip = p == null ? e -> false : p;
        return this;
    }

    /** Replays the events in the order given; returns the tally. Ends early, without error, after {@link #stop()}. */
    public Tally run(Iterator<AuthEvent> source) throws IOException, InterruptedException {
        runner = Thread.currentThread();
        if (pace != null) {
            pace.go();
        }
        try {
            while (!stopped && source.hasNext()) {
                AuthEvent e = source.next();
                if (e.kind() != EventKind.AUTH || e.attempts() == 0 || e.result() == null) {
                    continue;
                }
                if (pace != null) {
                    pace.sleepUntil(e.time());
                }
                if (stopped) {
                    break;
                }
                if (skip.test(e)) {
                    skipped.incrementAndGet();
                    continue;
                }
                events.incrementAndGet();
                for (int k = 0; k < e.attempts() && !stopped; k++) {
                    attempt(e, k);
                }
            }
        } catch (InterruptedException ie) {
            if (!stopped) {
                throw ie;
            }
        } finally {
            runner = null;
        }
        return tally();
    }

    /** Ends a run at the next attempt (or at once when it is waiting); safe from any thread. */
    public void stop() {
        stopped = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    public Tally tally() {
        return new Tally(events.get(), attempts.get(), requests.get(), loggedIn.get(), failed.get(), refused.get(),
                refusedAfter.get(), delayed.get(), skipped.get(), errors.get());
    }

    private void attempt(AuthEvent e, int k) throws IOException, InterruptedException {
        attempts.incrementAndGet();
        String login = e.accountRaw() != null ? e.accountRaw() : e.account() != null ? e.account() : "";
        String password = e.isSuccess() ? "the password of " + login : "wrong #" + k + " from " + e.source();
        String hash = pwhash(nonce, login, password);
        String question = body(e, login, hash, null);
        Answer before = ask(question);
        if (before.status < 0) {
            refused.incrementAndGet();
            send(report, body(e, login, hash, "policy"));
            listener.answered(e, Outcome.REFUSED, 0, before.msg);
            return;
        }
        int delay = before.status;
        if (delay > 0) {
            delayed.incrementAndGet();
            if (pace != null) {
                Thread.sleep(pace.real(Duration.ofSeconds(delay)).toMillis());
            }
        }
        if (!e.isSuccess()) {
            failed.incrementAndGet();
            send(report, body(e, login, hash, e.reason() == Reason.UNKNOWN_ACCOUNT ? "account" : "credentials"));
            listener.answered(e, Outcome.FAILED, delay, before.msg);
            return;
        }
        Answer after = ask(question);
        if (after.status < 0) {
            refusedAfter.incrementAndGet();
            send(report, body(e, login, hash, "policy"));
            listener.answered(e, Outcome.REFUSED_AFTER_PASSWORD, delay, after.msg);
            return;
        }
        loggedIn.incrementAndGet();
        send(report, body(e, login, hash, ""));
        listener.answered(e, Outcome.LOGGED_IN, delay, after.msg);
    }

    /**
     * A request body as Dovecot writes it: the default attributes, {@code tls}, and on a report
     * ({@code failType} not null; "" for a success) {@code success}, {@code policy_reject} and
     * {@code fail_type}.
     */
    static String body(AuthEvent e, String login, String pwhash, String failType) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("device_id", "");
            g.writeStringField("login", login);
            g.writeStringField("protocol", protocol(e.service()));
            g.writeStringField("pwhash", pwhash);
            g.writeStringField("remote", e.source() == null ? "" : e.source());
            g.writeStringField("session_id", e.session() == null ? "" : e.session());
            g.writeBooleanField("tls", true);
            if (failType != null) {
                g.writeBooleanField("success", failType.isEmpty());
                g.writeBooleanField("policy_reject", failType.equals("policy"));
                g.writeStringField("fail_type", failType);
            }
            g.writeEndObject();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return w.toString();
    }

    /** Dovecot's service name for a log's service: submission's SASL is "smtp". */
    static String protocol(String service) {
        if (service == null) {
            return "imap";
        }
        String s = service.toLowerCase(Locale.ROOT);
        return s.equals("submission") ? "smtp" : s;
    }

    /**
     * Dovecot's password fingerprint (auth_policy_hash_mech sha256, auth_policy_hash_truncate 12):
     * SHA-256 of nonce, login, a NUL byte and the password; its first 12 bits as 4 hex digits.
     */
    static String pwhash(String nonce, String login, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(nonce.getBytes(StandardCharsets.UTF_8));
            d.update(login.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            byte[] h = d.digest(password.getBytes(StandardCharsets.UTF_8));
            int v = (((h[0] & 0xff) << 8) | (h[1] & 0xff)) >>> 4;
            return String.format("%04x", v);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Answer(int status, String msg) {
        static final Answer ALLOW = new Answer(0, "");
    }

    /** An allow request; an unreachable or failing gate allows (auth_policy_reject_on_fail = no). */
    private Answer ask(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(allow, body);
        if (r == null || r.statusCode() < 200 || r.statusCode() > 209) {
            return Answer.ALLOW;
        }
        try {
            JsonNode n = MAPPER.readTree(r.body());
            JsonNode s = n == null ? null : n.get("status");
            JsonNode m = n == null ? null : n.get("msg");
            int status = s == null ? 0 : s.isNumber() ? s.asInt() : Integer.parseInt(s.asText().trim());
            return new Answer(status, m == null ? "" : m.asText());
        } catch (IOException | NumberFormatException ex) {
            errors.incrementAndGet();
            return Answer.ALLOW;
        }
    }

    private HttpResponse<String> send(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("User-Agent", "dovecot/auth-policy-client")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headerName != null) {
            b.header(headerName, headerValue);
        }
        requests.incrementAndGet();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() < 200 || r.statusCode() > 209) {
                error(new IOException("HTTP " + r.statusCode() + ": " + r.body()));
            } else {
                errorsInARow = 0;
            }
            return r;
        } catch (IOException ex) {
            if (stopped) {
                throw new InterruptedException("stopped");
            }
            error(ex);
            return null;
        }
    }

    private void error(IOException ex) throws IOException {
        errors.incrementAndGet();
        if (++errorsInARow >= MAX_ERRORS_IN_A_ROW) {
            throw new IOException("the gate at " + endpoint + " failed " + errorsInARow + " requests in a row; the last: "
                    + ex.getMessage(), ex);
        }
    }
}
