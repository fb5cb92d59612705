package dev.portcullis.bench;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.engine.Engine;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The detection engine's cost per event on one core: events already parsed (so the figure is the
 * engine's), recorded into a fresh engine each invocation. One op = one event.
 *
 * <p>Run: {@code java -jar portcullis-bench/target/benchmarks.jar EngineBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EngineBench {
    static final int LINES = 200_000;

    private AuthEvent[] events;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringWriter w = new StringWriter();
        new MailLog(11, 9000, MailLog.Stamps.RFC3164, Instant.parse("2026-06-23T00:00:00Z")).write(LINES, w);
        Ingest ingest = new Ingest(2026, ZoneOffset.UTC);
        InputContext ctx = ingest.context("bench.log");
        List<AuthEvent> out = new ArrayList<>();
        String[] lines = w.toString().split("\n");
        for (int i = 0; i < lines.length; i++) {
            ctx.line(i + 1);
            ingest.line(lines[i], ctx, out::add);
        }
        events = out.toArray(new AuthEvent[0]);
    }

    @Benchmark
    @OperationsPerInvocation(150_000)
    public Engine record() {
        Engine engine = new Engine();
        for (int i = 0; i < 150_000 && i < events.length; i++) {
            engine.record(events[i]);
        }
        return engine;
    }
}
