package dev.portcullis.sim;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventKind;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's story: a small organisation's everyday logins with three attacks in them — one fast
 * password spray from a single address, one distributed low-and-slow spray from many, and, inside the
 * latter, one guess that was right: a weak password broken into by a botnet address's very first try,
 * which no gate can refuse (nothing was known against that address), followed by the same address
 * failing on other accounts, which gives it away. The attacker then comes back to that account from
 * new addresses.
 *
 * <p>Made by {@link Scenario} (the generator {@code simulate} uses) with a small spec, and opened by
 * its {@link #prologue} (the stale phones' last good logins, which fall just before the log); the scenario
 * is random, so {@link #pick} takes the first seed from the one given whose scenario has that lucky
 * first guess, and the same seed always gives the same story. The attempts come from the scenario's log
 * read back through {@link Ingest}, as any log would be.
 */
public final class Story {
    /** When the story's log ends (its window is the given span before it). */
    public static final Instant END = Instant.parse("2026-11-20T23:00:00Z");
    /** Seeds tried after the given one before giving up. */
    static final int TRIES = 200;

    private final ScenarioSpec spec;
    private final List<AuthEvent> attempts;
    private final Map<String, String> labels;
    private final String spraySource;
    private final Set<String> campaignSources;
    private final String breakInAccount;
    private final String breakInSource;
    private final Instant breakInTime;
    /** Account → the addresses the attacker came back from after breaking in. */
    private final Map<String, Set<String>> returns;

    private Story(ScenarioSpec spec, List<AuthEvent> attempts, Map<String, String> labels, String breakInAccount,
                  String breakInSource, Instant breakInTime, Map<String, Set<String>> returns) {
        this.spec = spec;
        this.attempts = List.copyOf(attempts);
        this.labels = Map.copyOf(labels);
        String spray = null;
        Set<String> campaign = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getValue().equals("password_spray")) spray = e.getKey();
            if (e.getValue().equals("distributed_spray")) campaign.add(e.getKey());
        }
        this.spraySource = spray;
        this.campaignSources = Collections.unmodifiableSet(campaign);
        this.breakInAccount = breakInAccount;
        this.breakInSource = breakInSource;
        this.breakInTime = breakInTime;
        this.returns = Map.copyOf(returns);
    }

    /** The organisation: {@code users} mailboxes, {@code span} of logins ending at {@link #END}. */
    public static ScenarioSpec spec(int users, Duration span, long seed) {
        return new ScenarioSpec(users, span, seed, true, true, 0.1,
                0, 1, Math.max(40, users / 3), 0, Math.max(2, users / 300), 2, 2, 0.02, END);
    }

    /**
     * The story of the first seed from {@code seed} on whose scenario has the lucky first guess.
     *
     * @throws IllegalArgumentException when none of {@value #TRIES} seeds has one (too few users or
     *                                  too short a span for a weak password to be found)
     */
    public static Story pick(long seed, int users, Duration span) {
        for (long s = seed; s < seed + TRIES; s++) {
            Story st = of(spec(users, span, s));
            if (st != null) {
                return st;
            }
        }
        throw new IllegalArgumentException("no story in seeds " + seed + ".." + (seed + TRIES - 1) + " with " + users
                + " users over " + span.toHours() + " h has a weak password guessed at the first try; allow more users or hours");
    }

    /** The story of one scenario, or null when its distributed spray never guesses right at its first try. */
    static Story of(ScenarioSpec spec) {
        Scenario scenario = new Scenario(spec);
        Map<String, Object> truth = scenario.truth();
        List<AuthEvent> attempts = new ArrayList<>(prologue(truth, spec.end().minus(spec.span())));
        attempts.addAll(attempts(scenario));
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) truth.get("attacker_ips");
        Map<String, List<AuthEvent>> bySource = new LinkedHashMap<>(); // by first attempt: the earliest lucky guess wins
        for (AuthEvent e : attempts) {
            if (e.source() != null) bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        }
        // the attacker's later logins: the scenario labels their addresses "<campaign>-followup"
        Map<String, Set<String>> returns = new HashMap<>();
        for (AuthEvent e : attempts) {
            String label = labels.get(e.source());
            if (label != null && label.endsWith("-followup") && e.isSuccess() && e.account() != null) {
                returns.computeIfAbsent(e.account(), k -> new LinkedHashSet<>()).add(e.source());
            }
        }
        Instant lastUseful = spec.end().minus(spec.span().dividedBy(8));
        for (Map.Entry<String, List<AuthEvent>> s : bySource.entrySet()) {
            if (!"distributed_spray".equals(labels.get(s.getKey()))) continue;
            List<AuthEvent> tries = s.getValue();
            AuthEvent first = tries.get(0);
            if (!first.isSuccess() || tries.size() < 2 || !returns.containsKey(first.account())) continue;
            boolean givesItselfAway = tries.stream().skip(1).anyMatch(e -> e.isFailure()
                    && !first.account().equals(e.account()) && e.time().isBefore(lastUseful));
            if (givesItselfAway) {
                return new Story(spec, attempts, labels, first.account(), first.source(), first.time(), returns);
            }
        }
        return null;
    }

    /**
     * What a gate that had been running would have seen before the log begins: each stale phone's last
     * good login (the scenario plants it half an hour to an hour before the window, so the log cuts it
     * off), told at the window's start. Without it a freshly started gate cannot know the phone's
     * address is its owner's, and takes its rhythm of failures for a guesser's.
     */
    static List<AuthEvent> prologue(Map<String, Object> truth, Instant start) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> phones = (List<Map<String, String>>) truth.get("stale_devices");
        List<AuthEvent> out = new ArrayList<>();
        for (Map<String, String> p : phones) {
            out.add(AuthEvent.builder().time(start).kind(EventKind.AUTH).service("imap").account(p.get("account"))
                    .source(p.get("ip")).attempts(1).success().format("story").build());
        }
        return out;
    }

    /** The scenario's authentication attempts, in time order, as the log parsers read them. */
    static List<AuthEvent> attempts(Scenario scenario) {
        StringWriter w = new StringWriter(1 << 20);
        List<AuthEvent> out = new ArrayList<>();
        try {
            scenario.write(w);
            Ingest ingest = new Ingest(END.atZone(java.time.ZoneOffset.UTC).getYear(), null);
            ingest.read(new Input("story.log", null, END, new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8))),
                    e -> {
                        if (e.kind() == EventKind.AUTH && e.attempts() > 0) out.add(e);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("reading back the story's own log", e);
        }
        out.sort((a, b) -> a.time().compareTo(b.time())); // stable: lines of one instant keep their order
        return out;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    /** The seed of the scenario told (the given one, or the first after it with the story). */
    public long seed() {
        return spec.seed();
    }

    public Instant start() {
        return spec.end().minus(spec.span());
    }

    public Instant end() {
        return spec.end();
    }

    /** Every password attempt, in time order. */
    public List<AuthEvent> attempts() {
        return attempts;
    }

    /** The fast spray's address. */
    public String spraySource() {
        return spraySource;
    }

    /** The distributed spray's addresses. */
    public Set<String> campaignSources() {
        return campaignSources;
    }

    /** The account broken into by the distributed spray's lucky first guess. */
    public String breakInAccount() {
        return breakInAccount;
    }

    public String breakInSource() {
        return breakInSource;
    }

    public Instant breakInTime() {
        return breakInTime;
    }

    /** The attack an address belongs to (password_spray, distributed_spray, …-followup), or null for a benign one. */
    public String label(String source) {
        return source == null ? null : labels.get(source);
    }

    /** Whether the attempt is the attacker coming back, after breaking in, to an account whose password it guessed. */
    public boolean isReturn(AuthEvent e) {
        Set<String> from = e.account() == null ? null : returns.get(e.account());
        return from != null && from.contains(e.source());
    }

    /** Whether the attempt is an attacker's right guess (a success from a spray's address). */
    public boolean isBreakIn(AuthEvent e) {
        String label = label(e.source());
        return e.isSuccess() && label != null && !label.endsWith("-followup");
    }
}
