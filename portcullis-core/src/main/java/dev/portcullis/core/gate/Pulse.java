package dev.portcullis.core.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * What the gate has been doing lately, for the people watching it (the console's Now and Accounts
 * pages): logins per minute by outcome over the last hour, refusals by reason since start, and the
 * most recent logins themselves, so that "a user says they are locked out" is answered from what the
 * gate saw.
 *
 * <p>Design: one writer, many readers. The gate's thread writes ({@link #decided}, {@link #reported});
 * any thread reads. Minutes are a ring of {@value #MINUTES} slots of atomic counters, each slot tagged
 * with its minute (a slot left from an earlier hour reads as zero). Recent logins are a ring of
 * immutable {@link Seen} records: a reader may miss the newest one or two, never sees a torn one.
 *
 * <p>Memory is fixed at construction: the ring holds {@code capacity} records whatever an attacker
 * sends (the strings are the login's own, already bounded by the request size); reasons are the gate's
 * own fixed words, capped at {@value #MAX_REASONS} all the same. Time comes from the caller.
 */
public final class Pulse {
    /** Minutes kept for the per-minute series. */
    public static final int MINUTES = 60;
    static final int MAX_REASONS = 64;
    private static final int FIELDS = 5;

    /** The per-minute figures. */
    public enum Outcome { ALLOWED, DELAYED, REFUSED, SUCCEEDED, FAILED }

    /**
     * One login the gate saw: a decision that was not a plain allow, or a reported outcome.
     *
     * @param outcome what happened ({@code SUCCEEDED}/{@code FAILED} for reports; {@code DELAYED}/{@code REFUSED} for decisions)
     * @param reason  the gate's reason word for a decision (blocked, locked_out, lockdown, slow_down, …), else null
     */
    public record Seen(Instant time, String account, String source, String service, Outcome outcome, String reason) {}

    /** One minute of figures, oldest first in {@link #minutes(Instant)}. */
    public record Minute(Instant start, long allowed, long delayed, long refused, long succeeded, long failed) {}

    private final AtomicLongArray counts = new AtomicLongArray(MINUTES * FIELDS);
    private final AtomicLongArray slotMinute = new AtomicLongArray(MINUTES);
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Seen> recent;
    private volatile long written;

    public Pulse(int capacity) {
        if (capacity < 1 || capacity > 1 << 24) {
            throw new IllegalArgumentException("pulse capacity " + capacity + " is out of range; allowed 1..16777216");
        }
        this.recent = new AtomicReferenceArray<>(capacity);
    }

    /** How many recent logins are kept. */
    public int capacity() {
        return recent.length();
    }

    void decided(Login l, Decision d, Instant now) {
        switch (d.verdict()) {
            case ALLOW -> count(Outcome.ALLOWED, now);
            case DELAY -> {
                count(Outcome.DELAYED, now);
                keep(new Seen(now, l.account(), l.source(), l.service(), Outcome.DELAYED, d.reason()));
            }
            case REJECT -> {
                count(Outcome.REFUSED, now);
                LongAdder n = refusals.get(d.reason());
                if (n == null && refusals.size() < MAX_REASONS) {
                    n = refusals.computeIfAbsent(d.reason(), r -> new LongAdder());
                }
                if (n != null) {
                    n.increment();
                }
                keep(new Seen(now, l.account(), l.source(), l.service(), Outcome.REFUSED, d.reason()));
            }
        }
    }

    void reported(Login l, boolean success, Instant now) {
        Outcome o = success ? Outcome.SUCCEEDED : Outcome.FAILED;
        count(o, now);
        keep(new Seen(now, l.account(), l.source(), l.service(), o, null));
    }

    private void count(Outcome o, Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        int slot = (int) Math.floorMod(minute, MINUTES);
        if (slotMinute.get(slot) != minute) {
            for (int f = 0; f < FIELDS; f++) {
                counts.set(slot * FIELDS + f, 0);
            }
            slotMinute.set(slot, minute);
        }
        counts.incrementAndGet(slot * FIELDS + o.ordinal());
    }

    private void keep(Seen s) {
        long n = written;
        recent.set((int) (n % recent.length()), s);
        written = n + 1;
    }

    /** The last {@value #MINUTES} minutes up to and including {@code now}'s, oldest first; empty minutes are zeros. */
    public List<Minute> minutes(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), 60);
        List<Minute> out = new ArrayList<>(MINUTES);
        for (long m = current - MINUTES + 1; m <= current; m++) {
            int slot = (int) Math.floorMod(m, MINUTES);
            long[] v = new long[FIELDS];
            if (slotMinute.get(slot) == m) {
                for (int f = 0; f < FIELDS; f++) {
                    v[f] = counts.get(slot * FIELDS + f);
                }
            }
            out.add(new Minute(Instant.ofEpochSecond(m * 60), v[0], v[1], v[2], v[3], v[4]));
        }
        return out;
    }

    /** Refusals since start by the gate's reason word, the most frequent first. */
    public Map<String, Long> refusalsByReason() {
        List<Map.Entry<String, Long>> list = new ArrayList<>();
        refusals.forEach((k, v) -> list.add(Map.entry(k, v.sum())));
        list.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        list.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The most recent logins that match, newest first, at most {@code limit}. Scans the ring: O(capacity). */
    public List<Seen> recent(Predicate<Seen> filter, int limit) {
        List<Seen> out = new ArrayList<>(Math.min(limit, 256));
        long n = written;
        int cap = recent.length();
        for (long i = n - 1; i >= 0 && i >= n - cap && out.size() < limit; i--) {
            Seen s = recent.get((int) (i % cap));
            if (s != null && filter.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The most recent logins of one (canonical) account, newest first. */
    public List<Seen> recentFor(String account, int limit) {
        return recent(s -> account.equals(s.account()), limit);
    }
}
