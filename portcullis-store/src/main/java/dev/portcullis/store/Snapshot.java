package dev.portcullis.store;

import java.util.List;

/** The state in force when it was loaded. */
public record Snapshot(List<BlockRecord> blocks, List<LockoutRecord> lockouts,
                       List<LockdownRecord> lockdowns, List<AllowRecord> allows) {
    public Snapshot {
        blocks = List.copyOf(blocks);
        lockouts = List.copyOf(lockouts);
        lockdowns = List.copyOf(lockdowns);
        allows = List.copyOf(allows);
    }
}
