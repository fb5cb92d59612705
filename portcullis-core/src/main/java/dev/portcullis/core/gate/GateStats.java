package dev.portcullis.core.gate;

/**
 * Counters of the gate's work, written by the gate's thread and read by metrics (plain longs: a
 * reader on another thread may see a slightly old value, never a torn one on 64-bit JVMs in practice;
 * metrics tolerate that).
 */
public final class GateStats {
    public volatile long allowed;
    public volatile long delayed;
    public volatile long rejected;
    public volatile long unenforced;
    public volatile long reports;
    public volatile long reportedSuccesses;
    public volatile long policyRejects;
    public volatile long blocks;
    public volatile long lockouts;

    void decided(Decision d) {
        if (!d.enforced()) {
            unenforced++;
        }
        switch (d.verdict()) {
            case ALLOW -> allowed++;
            case DELAY -> delayed++;
            case REJECT -> rejected++;
        }
    }

    void reported(boolean success, boolean policyReject) {
        reports++;
        if (success) reportedSuccesses++;
        if (policyReject) policyRejects++;
    }
}
