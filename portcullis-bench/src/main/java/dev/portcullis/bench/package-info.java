/**
 * Benchmarks beside the code they measure: JMH benchmarks of one core's throughput
 * ({@code SyslogParseBench}: lines parsed; {@code EngineBench}: events recorded;
 * {@code CorpusLookupBench}: corpus lookups), and whole-process tools run from
 * {@code java -cp benchmarks.jar} ({@code EngineMemory} and {@code GateMemory}: heap bytes per tracked
 * key; {@code HibpCorpus}: a generated HIBP-sized corpus for {@code scripts/corpus-bench.sh}). The
 * scripts in {@code scripts/} compare whole processes with the peers (fail2ban, CrowdSec) and load the
 * gate.
 *
 * <p>Rules: the Java benchmarks generate their inputs from a fixed seed ({@code portcullis-sim}'s
 * {@code MailLog} or a seeded random), so a figure can be reproduced; setup (generating, indexing) stays
 * out of the measured operation. Only the peer-comparison scripts read the shared scenarios and peers.
 * Results and how to reproduce them: {@code docs/benchmarks.md}.
 */
package dev.portcullis.bench;
