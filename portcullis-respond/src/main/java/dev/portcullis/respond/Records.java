package dev.portcullis.respond;

import dev.portcullis.core.gate.Allow;
import dev.portcullis.core.gate.Block;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.Lockdown;
import dev.portcullis.core.gate.Lockout;
import dev.portcullis.store.AllowRecord;
import dev.portcullis.store.BlockRecord;
import dev.portcullis.store.Change;
import dev.portcullis.store.LockdownRecord;
import dev.portcullis.store.LockoutRecord;
import dev.portcullis.store.Snapshot;
import dev.portcullis.store.StateRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps the gate's records to the store's and back (the store knows nothing of the gate's types). */
public final class Records {
    private Records() {}

    public static StateRecord toStore(GateRecord r) {
        if (r instanceof Block b) {
            return new BlockRecord(b.target(), lower(b.action()), b.level(), b.reason(), b.since(), b.until(), b.by());
        } else if (r instanceof Lockout l) {
            return new LockoutRecord(l.account(), lower(l.scope()), l.reason(), l.since(), l.until(), l.by());
        } else if (r instanceof Lockdown d) {
            return new LockdownRecord(d.id(), lower(d.scope()), d.accounts(), d.exempt(), d.reason(), d.since(),
                    d.until(), d.by());
        } else if (r instanceof Allow a) {
            return new AllowRecord(lower(a.kind()), a.value(), a.note(), a.since(), a.until(), a.by());
        }
        throw new IllegalArgumentException("unknown record " + r);
    }

    public static Class<? extends StateRecord> storeType(GateRecord r) {
        return toStore(r).getClass();
    }

    public static Change put(GateRecord r) {
        return Change.put(toStore(r));
    }

    public static Change remove(GateRecord r) {
        StateRecord s = toStore(r);
        return Change.remove(s.getClass(), s.key());
    }

    /** The gate's records from a stored snapshot; records that no longer parse are skipped and named. */
    public static List<GateRecord> fromStore(Snapshot s, List<String> problems) {
        List<GateRecord> out = new ArrayList<>();
        for (BlockRecord b : s.blocks()) {
            add(out, problems, "block " + b.target(), () -> new Block(b.target(),
                    Block.Action.valueOf(b.action().toUpperCase(Locale.ROOT)), b.level(), b.reason(), b.since(),
                    b.until(), b.by()));
        }
        for (LockoutRecord l : s.lockouts()) {
            add(out, problems, "lockout " + l.account(), () -> new Lockout(l.account(),
                    Lockout.Scope.valueOf(l.scope().toUpperCase(Locale.ROOT)), l.reason(), l.since(), l.until(), l.by()));
        }
        for (LockdownRecord d : s.lockdowns()) {
            add(out, problems, "lockdown " + d.id(), () -> new Lockdown(d.id(),
                    Lockdown.Scope.valueOf(d.scope().toUpperCase(Locale.ROOT)), d.accounts(), d.exempt(), d.reason(),
                    d.since(), d.until(), d.by()));
        }
        for (AllowRecord a : s.allows()) {
            add(out, problems, "allow " + a.key(), () -> new Allow(
                    Allow.Kind.valueOf(a.kind().toUpperCase(Locale.ROOT)), a.value(), a.note(), a.since(), a.until(),
                    a.by()));
        }
        return out;
    }

    private static void add(List<GateRecord> out, List<String> problems, String what,
                            java.util.function.Supplier<GateRecord> make) {
        try {
            out.add(make.get());
        } catch (RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
