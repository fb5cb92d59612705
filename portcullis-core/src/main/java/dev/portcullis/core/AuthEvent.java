package dev.portcullis.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One normalised authentication event: an attempt and its outcome, or (for investigation) the end of
 * a session or a mailbox action. Immutable; built by parsers through {@link Builder}.
 *
 * <p>Secrets never appear here: parsers redact given passwords and SASL payloads before building.
 * {@code pwhash} is a short fingerprint of a password as Dovecot's policy client computes it (or a
 * truncated digest the parser derived), never the password.
 *
 * @param time       when it happened (UTC instant), from the log itself
 * @param kind       what the event records
 * @param service    imap, pop3, smtp, ssh, owa, ews, activesync, sso, web, … (null when the log does not say)
 * @param account    canonical account name ({@link Accounts#canonical}), null when the log has none
 * @param accountRaw the account as the log wrote it
 * @param source     canonical client address ({@link Addresses#canonical}), null when the log has none
 * @param result     success / failure for {@link EventKind#AUTH} events, null otherwise
 * @param reason     why (see {@link Reason}), {@link Reason#NONE} when nothing to say
 * @param attempts   how many password guesses this event stands for (a Dovecot disconnect line can
 *                   carry N; 0 when the guesses were already counted by joined lines)
 * @param session    the server's session id, when logged
 * @param pwhash     password fingerprint, when known
 * @param userAgent  client software / device id, when logged
 * @param activity   volumes or mailbox action for SESSION / MAILBOX events, null for AUTH
 * @param format     the parser that read it (dovecot, postfix, sshd, windows, m365, …)
 * @param file       the input it came from ("-" for standard input)
 * @param line       1-based line (record) number in that input
 */
public record AuthEvent(Instant time, EventKind kind, String service, String account, String accountRaw,
                        String source, Result result, Reason reason, int attempts, String session,
                        String pwhash, String userAgent, Activity activity,
                        String format, String file, long line) {

    public AuthEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(format, "format");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
        if (kind == EventKind.AUTH && result == null) {
            throw new IllegalArgumentException("an auth event needs a result");
        }
    }

    public boolean isFailure() {
        return result == Result.FAILURE;
    }

    public boolean isSuccess() {
        return result == Result.SUCCESS;
    }

    /** A copy with a different attempt count (used when joining lines that log the same guess). */
    public AuthEvent withAttempts(int newAttempts) {
        return new AuthEvent(time, kind, service, account, accountRaw, source, result, reason, newAttempts,
                session, pwhash, userAgent, activity, format, file, line);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable and reusable: {@link #build()} copies, so a parser may keep one per thread. */
    public static final class Builder {
        private Instant time;
        private EventKind kind = EventKind.AUTH;
        private String service;
        private String account;
        private String accountRaw;
        private String source;
        private Result result;
        private Reason reason = Reason.NONE;
        private int attempts = 1;
        private String session;
        private String pwhash;
        private String userAgent;
        private Activity activity;
        private String format;
        private String file;
        private long line;

        public Builder time(Instant v) { time = v; return this; }
        public Builder kind(EventKind v) { kind = v; return this; }
        public Builder service(String v) { service = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder result(Result v) { result = v; return this; }
        public Builder reason(Reason v) { reason = v; return this; }
        public Builder attempts(int v) { attempts = v; return this; }
        public Builder session(String v) { session = Untrusted.text(v); return this; }
        public Builder pwhash(String v) { pwhash = v; return this; }
        public Builder userAgent(String v) { userAgent = Untrusted.text(v); return this; }
        public Builder activity(Activity v) { activity = v; return this; }
        public Builder format(String v) { format = v; return this; }
        public Builder origin(String f, long l) { file = f; line = l; return this; }

        /**
         * Sets the raw account and derives the canonical one. A name carrying a password marker (a user
         * who typed "password=…" or Dovecot's "given password" into the name field) is dropped: see
         * {@link Untrusted}.
         */
        public Builder account(String raw) {
            accountRaw = Untrusted.text(raw);
            account = Accounts.canonical(accountRaw);
            return this;
        }

        /** Sets the source from text, canonicalised; an invalid address leaves it null. */
        public Builder sourceText(String text) {
            source = Addresses.canonical(text);
            return this;
        }

        public Builder success() { return result(Result.SUCCESS); }

        public Builder failure(Reason why) { result = Result.FAILURE; reason = why; return this; }

        public Builder reset() {
            time = null; kind = EventKind.AUTH; service = null; account = null; accountRaw = null;
            source = null; result = null; reason = Reason.NONE; attempts = 1; session = null; pwhash = null;
            userAgent = null; activity = null; format = null; file = null; line = 0;
            return this;
        }

        public AuthEvent build() {
            return new AuthEvent(time, kind, service, account, accountRaw, source, result, reason, attempts,
                    session, pwhash, userAgent, activity, format, file, line);
        }
    }
}
