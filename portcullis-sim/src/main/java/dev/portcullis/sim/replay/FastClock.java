package dev.portcullis.sim.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * A clock that runs {@code rate} times faster than real time from a simulated start, so a few hours
 * of an organisation's logins pass in minutes: the gate takes it as its {@link Clock}, and
 * {@link PolicyReplay} paces requests by it. Monotonic (built on {@link System#nanoTime()}), so it
 * never runs backwards when the wall clock is set. Thread-safe (immutable).
 *
 * <p>Only what reads this clock is accelerated. Work a server schedules in real time (the gate's
 * judgement interval, its housekeeping, the notifier's ticks) happens {@code rate} times less often
 * in simulated time: at 120× a one-second judgement interval is two simulated minutes.
 */
public final class FastClock extends Clock {
    /** The fastest rate allowed: beyond it the gate's real-time intervals span hours of simulated time. */
    public static final double MAX_RATE = 100_000;

    private final Instant start;
    private final double rate;
    /** System.nanoTime() when the clock started; {@link Long#MIN_VALUE} while it stands. */
    private volatile long origin = Long.MIN_VALUE;

    /**
     * A clock standing at {@code start} until {@link #go()}, so whatever is set up before (a server
     * starting takes real seconds, simulated minutes) happens at the start.
     *
     * @param rate simulated seconds per real second, 1..{@value #MAX_RATE}
     */
    public FastClock(Instant start, double rate) {
        if (!(rate >= 1 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("speed must be between 1 and " + (long) MAX_RATE + " simulated seconds per"
                    + " real second, was " + rate);
        }
        this.start = start;
        this.rate = rate;
    }

    /** Starts the clock (from {@link #start()}); a clock already going is left as it is. Thread-safe. */
    public synchronized FastClock go() {
        if (origin == Long.MIN_VALUE) {
            origin = System.nanoTime();
        }
        return this;
    }

    /** Whether {@link #go()} was called. */
    public boolean going() {
        return origin != Long.MIN_VALUE;
    }

    /** Simulated seconds per real second. */
    public double rate() {
        return rate;
    }

    /** When this clock started, in simulated time. */
    public Instant start() {
        return start;
    }

    @Override
    public Instant instant() {
        long o = origin;
        return o == Long.MIN_VALUE ? start : start.plusNanos((long) ((System.nanoTime() - o) * rate));
    }

    /** Real time since this clock started (zero while it stands). */
    public Duration elapsed() {
        long o = origin;
        return o == Long.MIN_VALUE ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - o);
    }

    /** How long a simulated span takes in real time. */
    public Duration real(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / rate));
    }

    /**
     * Sleeps (in real time) until this clock reads {@code t}; returns at once when it already has.
     *
     * @throws IllegalStateException when the clock stands (it would never get there)
     */
    public void sleepUntil(Instant t) throws InterruptedException {
        if (!going()) {
            throw new IllegalStateException("the clock stands at " + start + "; call go() first");
        }
        long ahead = Duration.between(instant(), t).toNanos();
        if (ahead > 0) {
            TimeUnit.NANOSECONDS.sleep((long) (ahead / rate));
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The zone is not kept: this clock is for instants, which have none. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "FastClock[" + rate + "x from " + start + "]";
    }
}
