package dev.portcullis.store;

import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import java.util.ArrayList;
import java.util.List;

/**
 * The state in force when it was loaded. {@code unreadable} names the stored rows that no longer make
 * a valid record (an unknown action or scope, a group lockdown without accounts), e.g. "block
 * 203.0.113.7: …"; they are skipped, so one bad row does not keep the gate from starting.
 */
public record Snapshot(List<Block> blocks, List<Lockout> lockouts, List<Lockdown> lockdowns, List<Allow> allows,
                       List<String> unreadable) {
    public Snapshot {
        blocks = List.copyOf(blocks);
        lockouts = List.copyOf(lockouts);
        lockdowns = List.copyOf(lockdowns);
        allows = List.copyOf(allows);
        unreadable = List.copyOf(unreadable);
    }

    /** Every record, blocks first, then lockouts, lockdowns and allows. */
    public List<GateRecord> all() {
        List<GateRecord> all = new ArrayList<>(blocks.size() + lockouts.size() + lockdowns.size() + allows.size());
        all.addAll(blocks);
        all.addAll(lockouts);
        all.addAll(lockdowns);
        all.addAll(allows);
        return all;
    }
}
