package dev.portcullis.bench;

import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.gate.GateListener;
import dev.portcullis.core.gate.Login;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;

/**
 * Bytes of heap per key the gate tracks (addresses, accounts, /24 and /64 aggregates, (account,
 * address) pairs, lockout counters, blocks), retained after a full GC, for three populations of N
 * logins reported through the gate: each address logging in once to its own account; each failing
 * once on its own account (a botnet); and N users behind N/10 addresses failing and succeeding.
 * {@code java -cp portcullis-bench/target/benchmarks.jar dev.portcullis.bench.GateMemory [N]}
 */
public final class GateMemory {
    private GateMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (String population : new String[] {"one login each", "one failure each", "mixed"}) {
            long before = used();
            Engine engine = new Engine(EngineConfig.fromMap(Map.of("limits.max_sources", String.valueOf(n),
                    "limits.max_accounts", String.valueOf(n), "limits.max_pairs", String.valueOf(n))));
            Gate gate = new Gate(GateConfig.fromMap(Map.of("limits.max_lockout_accounts", String.valueOf(n),
                    "limits.max_blocks", String.valueOf(n))), engine, GateListener.NONE);
            Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
            for (int i = 0; i < n; i++) {
                int a = population.equals("mixed") ? i / 10 : i;
                String ip = (11 + (a >>> 24)) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
                Login l = new Login("user" + i, ip, Integer.toHexString(i), "imap", null, null, false);
                Instant t = t0.plusMillis(i);
                boolean ok = switch (population) {
                    case "one login each" -> true;
                    case "one failure each" -> false;
                    default -> i % 3 != 0;
                };
                gate.decide(l, t);
                gate.report(l, ok, false, t);
            }
            long after = used();
            long keys = gate.trackedKeys();
            System.out.printf("%-17s %,d logins: %,d keys tracked, %,d bytes retained = %,.0f bytes per key%n",
                    population + ":", n, keys, after - before, (after - before) / (double) keys);
            if (gate.stats().reports == 0) System.out.println("(unreachable)");
        }
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
