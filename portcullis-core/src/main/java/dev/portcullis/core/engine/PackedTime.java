package dev.portcullis.core.engine;

/**
 * Event times (epoch seconds) packed into an {@code int}, for the state kept per tracked key (an
 * address, an account, a lockout counter), where eight bytes a time add up over millions of keys.
 * The one place that defines the mapping.
 *
 * <p>Design note.
 * <ul>
 *   <li>Mapping: {@code packed = epochSecond - EPOCH}, with {@link #EPOCH} 2000-01-01T00:00:00Z,
 *       as a signed int. Exact for 1931-12-13T20:45:53Z ({@link #MIN}) to 2068-01-19T03:14:07Z
 *       ({@link #MAX}); {@code Integer.MIN_VALUE} is not a time but {@link #UNSET}.</li>
 *   <li>Outside that range a time is clamped to its nearest end: a log from 1920 or 2100 is judged as
 *       if it had happened at the edge (intervals between clamped times shrink to zero). The engine
 *       clamps an event's time once, when the event comes in, so every comparison sees the same value
 *       and what is stored round-trips exactly.</li>
 *   <li>Sentinels such as "no failure yet" are {@link #UNSET}, never a time that a log could hold.</li>
 * </ul>
 */
public final class PackedTime {
    /** 2000-01-01T00:00:00Z in epoch seconds: the zero of the packed scale. */
    public static final long EPOCH = 946_684_800L;
    /** Not a time: "unset". */
    public static final int UNSET = Integer.MIN_VALUE;
    /** Earliest representable time, 1931-12-13T20:45:53Z. */
    public static final long MIN = EPOCH + Integer.MIN_VALUE + 1;
    /** Latest representable time, 2068-01-19T03:14:07Z. */
    public static final long MAX = EPOCH + Integer.MAX_VALUE;

    private PackedTime() {
    }

    /** The time clamped into [{@link #MIN}, {@link #MAX}]. */
    public static long clamp(long epochSecond) {
        return Math.max(MIN, Math.min(MAX, epochSecond));
    }

    /** Packs a time (clamped first); never returns {@link #UNSET}. */
    public static int pack(long epochSecond) {
        return (int) (clamp(epochSecond) - EPOCH);
    }

    /** The epoch second of a packed time; {@code ifUnset} for {@link #UNSET}. */
    public static long unpack(int packed, long ifUnset) {
        return packed == UNSET ? ifUnset : EPOCH + packed;
    }

    /** The epoch second of a packed time that is set. */
    public static long unpack(int packed) {
        return EPOCH + packed;
    }
}
