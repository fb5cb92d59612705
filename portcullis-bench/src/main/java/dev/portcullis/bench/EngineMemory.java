package dev.portcullis.bench;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.Reason;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;

/**
 * Bytes of heap per tracked key: fills an engine with N distinct addresses (each logging in once to its
 * own account, the common case) and with N distinct failing addresses (one failure each, the botnet
 * case), measuring the retained heap after a full GC. Whole-process tool, not a JMH benchmark:
 * {@code java -cp portcullis-bench/target/benchmarks.jar dev.portcullis.bench.EngineMemory [N]}
 */
public final class EngineMemory {
    private EngineMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (boolean failing : new boolean[] {false, true}) {
            long before = used();
            Engine engine = new Engine(EngineConfig.fromMap(Map.of("limits.max_sources", String.valueOf(n),
                    "limits.max_accounts", String.valueOf(n))));
            Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
            AuthEvent.Builder b = AuthEvent.builder();
            for (int i = 0; i < n; i++) {
                String ip = (11 + (i >>> 24)) + "." + ((i >>> 16) & 0xff) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff);
                b.reset().format("bench").time(t0.plusSeconds(i / 100)).source(ip).account("user" + i);
                if (failing) {
                    b.failure(Reason.BAD_PASSWORD);
                } else {
                    b.success();
                }
                engine.record(b.build());
            }
            long after = used();
            System.out.printf("%s: %,d addresses and %,d accounts tracked, %,d bytes retained = %,.0f bytes per address+account pair%n",
                    failing ? "one failure each" : "one login each", n, n, after - before, (after - before) / (double) n);
            System.out.println("  (kept reachable: " + engine.events() + " events)");
        }
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
