package dev.portcullis.bench;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventJson;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.sim.MailLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Parsing throughput of syslog Dovecot / Postfix / sshd lines on one core: lines already in memory
 * (so the figure is the parser's, not the disk's), through the same sniffer and parsers as
 * {@code portcullis parse}. One op = one line; the score is lines per second.
 *
 * <p>Run: {@code java -jar portcullis-bench/target/benchmarks.jar SyslogParseBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SyslogParseBench {
    static final int LINES = 100_000;

    @Param({"rfc3164", "rfc3339"})
    public String stamps;

    private String[] lines;
    private Ingest ingest;
    private InputContext ctx;
    private final StringBuilder sb = new StringBuilder(512);
    private final EventJson json = new EventJson();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringWriter w = new StringWriter();
        new MailLog(7, 9000, MailLog.Stamps.valueOf(stamps.toUpperCase()), Instant.parse("2026-06-23T00:00:00Z"))
                .write(LINES, w);
        lines = w.toString().split("\n");
        ingest = new Ingest(2026, ZoneOffset.UTC);
        ctx = ingest.context("bench.log");
    }

    /** Parse only: lines to events. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parse(Blackhole bh) {
        for (int i = 0; i < LINES && i < lines.length; i++) {
            ctx.line(i + 1);
            ingest.line(lines[i], ctx, bh::consume);
        }
    }

    /** Parse and write each event as the JSON line `portcullis parse` prints. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseToJson(Blackhole bh) {
        for (int i = 0; i < LINES && i < lines.length; i++) {
            ctx.line(i + 1);
            ingest.line(lines[i], ctx, e -> toJson(e, bh));
        }
    }

    private void toJson(AuthEvent e, Blackhole bh) {
        sb.setLength(0);
        json.write(e, sb);
        bh.consume(sb.length());
    }
}
