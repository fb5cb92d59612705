package dev.portcullis.core.gate;

import dev.portcullis.core.Addresses;
import dev.portcullis.core.Network;
import dev.portcullis.core.engine.BoundedTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks in force, found in O(1) for an address and its /24 or /64 (one bounded table keyed by the
 * address or the prefix text), plus a short list of other networks an operator blocked. Expired blocks
 * stay as history (for escalation) until the bounded table pushes them out, lowest level first, so no
 * sweep over the table is ever needed. Not thread-safe (the gate's thread only).
 */
final class Blocks {
    private final BoundedTable<Block> addresses;
    private final List<Network> networkKeys = new ArrayList<>();
    private final List<Block> networks = new ArrayList<>();
    /** Prefix (/24, /64) blocks ever put: while none, a lookup skips the prefix probe. */
    private long prefixBlocks;

    Blocks(int capacity) {
        this.addresses = new BoundedTable<>(capacity, b -> b.level() * 2 + (b.by().equals("engine") ? 0 : 100));
    }

    /** The block in force for this canonical address, or null. */
    Block find(String source, Instant now) {
        Block b = addresses.get(source);
        if (b != null && !b.expired(now)) {
            return b;
        }
        if (prefixBlocks > 0) {
            b = addresses.get(Addresses.prefix(source));
            if (b != null && !b.expired(now)) {
                return b;
            }
        }
        if (!networks.isEmpty()) {
            byte[] bytes = Network.bytes(source);
            for (int i = 0; i < networks.size(); i++) {
                if (bytes != null && networkKeys.get(i).contains(bytes) && !networks.get(i).expired(now)) {
                    return networks.get(i);
                }
            }
        }
        return null;
    }

    /** The record under this exact target (address or network text), in force or not. */
    Block get(String target) {
        Block b = addresses.get(target);
        if (b != null) {
            return b;
        }
        int i = indexOf(target);
        return i < 0 ? null : networks.get(i);
    }

    void put(Block b, Network net) {
        remove(b.target());
        if (net.isAddress()) {
            addresses.getOrCreate(b.target(), k -> b);
        } else if (b.target().equals(prefixOf(net))) {
            addresses.getOrCreate(b.target(), k -> b);
            prefixBlocks++;
        } else {
            networkKeys.add(net);
            networks.add(b);
        }
    }

    Block remove(String target) {
        Block b = addresses.remove(target);
        if (b == null) {
            int i = indexOf(target);
            if (i >= 0) {
                networkKeys.remove(i);
                b = networks.remove(i);
            }
        }
        return b;
    }

    /** Blocks in force. */
    List<Block> inForce(Instant now) {
        List<Block> out = new ArrayList<>();
        for (Block b : addresses.values()) if (!b.expired(now)) out.add(b);
        for (Block b : networks) if (!b.expired(now)) out.add(b);
        return out;
    }

    /** Drops operators' network blocks that have expired (the short list; the table keeps its history). */
    void expire(Instant now) {
        for (int i = networks.size() - 1; i >= 0; i--) {
            if (networks.get(i).expired(now)) {
                networks.remove(i);
                networkKeys.remove(i);
            }
        }
    }

    int size() {
        return addresses.size() + networks.size();
    }

    private int indexOf(String target) {
        for (int i = 0; i < networks.size(); i++) {
            if (networks.get(i).target().equals(target)) {
                return i;
            }
        }
        return -1;
    }

    /** The engine's aggregate text for a /24 or /64 network, else null. */
    private static String prefixOf(Network net) {
        String text = net.toString();
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String addr = text.substring(0, slash);
        boolean v4 = Addresses.isV4(addr);
        if ((v4 && net.bits() != 24) || (!v4 && net.bits() != 64)) {
            return null;
        }
        return Addresses.prefix(addr);
    }
}
