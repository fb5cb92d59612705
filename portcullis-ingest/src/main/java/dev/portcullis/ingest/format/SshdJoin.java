package dev.portcullis.ingest.format;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.ingest.EventSink;
import dev.portcullis.ingest.syslog.Envelope;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One guess, one count for an sshd connection. With PAM one password guess is logged twice: pam_unix's
 * (or macOS PAM's) "authentication failure", then sshd's "Failed password". A twin line counts nothing
 * itself: its guess is held ({@link #twin}), and the "Failed" line that follows within {@link #WINDOW} on
 * the same key (host and sshd pid, or host and address when there is no pid) counts it, with its
 * address and name. When an "Accepted password|keyboard-interactive" line for the same account (or a
 * twin that named none) comes instead within {@link #SAME_ATTEMPT_SECONDS}, the twins of that moment
 * were the attempt that succeeded (stacked PAM modules: pam_unix failed, pam_ldap or pam_sss accepted;
 * fail2ban gh-2070): no failure, dropped. A held guess nothing claims (window
 * over, table full, end of input, "PAM N more", a log that kept only pam_unix's lines) is still
 * counted, with what the twin knew (a host name as the named source {@code host:NAME}, never
 * resolved: no DNS).
 *
 * <p>Keys come from the log: at most {@link #CAPACITY} entries, the oldest evicted and counted
 * ({@link #evicted()}). Not thread-safe.
 */
public final class SshdJoin {
    public static final int CAPACITY = 16_384;
    public static final Duration WINDOW = Duration.ofSeconds(30);
    /**
     * An "Accepted" line at most this many seconds after PAM's failure lines is the same attempt (a
     * stacked module accepting at once); a new attempt after a failure comes later (PAM's 2 s fail delay).
     */
    static final long SAME_ATTEMPT_SECONDS = 1;

    /** One connection's ledger. */
    private static final class Entry {
        Instant seen;
        /** Guesses counted in this connection. */
        int counted;
        /** Guesses of twin lines not counted yet, and the event to count them with (the most complete). */
        int held;
        AuthEvent heldEvent;
        /** When the latest held twin came, how many held twins came in that second, and the account the first of them named. */
        Instant lastHeld;
        int lastHeldCount;
        String lastHeldAccount;
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long evicted;

    /**
     * A twin line (pam_unix, macOS PAM, ROOT LOGIN REFUSED). {@code event} has one attempt; returns the
     * attempts it should carry: 0, its guess held for the "Failed" line (or dropped by an "Accepted"
     * one); 1 when the line has no key to join on.
     */
    int twin(String key, Instant time, AuthEvent event, EventSink out) {
        Entry e = entry(key, time, out);
        if (e == null) {
            return 1; // nothing to join on
        }
        e.held++;
        if (e.heldEvent == null || better(event, e.heldEvent)) {
            e.heldEvent = event;
        }
        if (e.lastHeld != null && time != null && time.getEpochSecond() == e.lastHeld.getEpochSecond()) {
            e.lastHeldCount++;
        } else {
            e.lastHeldCount = 1;
            e.lastHeldAccount = null;
        }
        if (e.lastHeldAccount == null) e.lastHeldAccount = event.account();
        e.lastHeld = time;
        return 0;
    }

    /** True when {@code a} knows more than {@code b}: an address where b has none (or a host name), an account where b has none. */
    private static boolean better(AuthEvent a, AuthEvent b) {
        int sa = a.source() == null ? 0 : Addresses.isHost(a.source()) ? 1 : 2;
        int sb = b.source() == null ? 0 : Addresses.isHost(b.source()) ? 1 : 2;
        if (sa != sb) {
            return sa > sb;
        }
        return a.accountRaw() != null && b.accountRaw() == null;
    }

    /**
     * An "Accepted METHOD" line: with a password method (password, keyboard-interactive…), the held
     * twin guesses of this connection were the attempt that succeeded, not failures: dropped. Ends the
     * connection.
     */
    void accepted(String key, Instant time, String method, String account, EventSink out) {
        Entry e = key == null ? null : entries.remove(key);
        if (e == null) {
            return;
        }
        boolean password = method != null && (method.equals("password") || method.startsWith("keyboard-interactive"));
        boolean sameAttempt = password && !stale(e, time) && e.lastHeld != null && time != null
                && Math.abs(time.getEpochSecond() - e.lastHeld.getEpochSecond()) <= SAME_ATTEMPT_SECONDS
                && (e.lastHeldAccount == null || e.lastHeldAccount.equals(account));
        if (sameAttempt) {
            // the twins of the attempt that succeeded are no failures; earlier unclaimed ones (a log
            // without "Failed" lines) still are
            e.held = Math.max(0, e.held - e.lastHeldCount);
        }
        release(e, out);
    }

    /** A "Failed …" line for {@code repeat} guesses: returns the attempts it should carry. */
    int failed(String key, Instant time, int repeat, EventSink out) {
        Entry e = entry(key, time, out);
        if (e == null) {
            return repeat;
        }
        int attempts = repeat;
        int claimed = Math.min(e.held, attempts);
        e.held -= claimed;
        if (e.held == 0) e.heldEvent = null;
        e.counted += attempts;
        return attempts;
    }

    /**
     * "PAM N more authentication failures": the connection made N + 1 guesses. Returns those no earlier
     * line counted, releases held ones, and ends the connection.
     */
    int summary(String key, Instant time, int n, EventSink out) {
        Entry e = key == null ? null : entries.remove(key);
        if (e == null || stale(e, time)) {
            if (e != null) release(e, out);
            return n + 1;
        }
        int rest = Math.max(0, n + 1 - e.counted - e.held);
        release(e, out);
        return rest;
    }

    /** Counts every held guess (end of input). */
    void finish(EventSink out) {
        for (Entry e : entries.values()) {
            release(e, out);
        }
        entries.clear();
    }

    /**
     * The join key of a line: its host and sshd pid (pids repeat across the hosts of one log), or its
     * host and client address when it has no pid; null when it has neither.
     */
    static String key(Envelope env, String source) {
        String id = env.pid != null ? env.pid : source == null ? null : "@" + source;
        if (id == null) {
            return null;
        }
        return env.host == null ? id : env.host + ' ' + id;
    }

    /** Entries dropped because the table was full. */
    public long evicted() {
        return evicted;
    }

    int size() {
        return entries.size();
    }

    private Entry entry(String key, Instant time, EventSink out) {
        if (key == null) {
            return null;
        }
        expire(time, out);
        Entry e = entries.get(key);
        if (e != null && stale(e, time)) {
            release(e, out);
            entries.remove(key);
            e = null;
        }
        if (e == null) {
            if (entries.size() >= CAPACITY) {
                Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                release(it.next().getValue(), out);
                it.remove();
                evicted++;
            }
            e = new Entry();
            entries.put(key, e);
        }
        e.seen = time;
        return e;
    }

    /** Drops the least recently used entries whose window is over. */
    private void expire(Instant now, EventSink out) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry e = it.next().getValue();
            if (!stale(e, now)) {
                return;
            }
            release(e, out);
            it.remove();
        }
    }

    private static boolean stale(Entry e, Instant now) {
        return e.seen != null && now != null && Duration.between(e.seen, now).compareTo(WINDOW) > 0;
    }

    private static void release(Entry e, EventSink out) {
        if (e.held > 0 && e.heldEvent != null) {
            out.accept(e.heldEvent.withAttempts(e.held));
        }
        e.held = 0;
        e.heldEvent = null;
    }
}
