package dev.portcullis.server;

import dev.portcullis.core.gate.GateStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics: decisions by outcome (read from the gate's counters at scrape time, no cost per
 * request), a latency histogram of policy requests, tracked keys and state sizes (published by the
 * gate's thread each tick), JVM memory.
 */
final class Metrics {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Timer latency;
    final AtomicLong trackedKeys = new AtomicLong();
    final AtomicLong blocks = new AtomicLong();
    final AtomicLong lockouts = new AtomicLong();
    final AtomicLong lockdowns = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();

    Metrics(GateStats s) {
        decisions(s, "allow", x -> x.allowed);
        decisions(s, "delay", x -> x.delayed);
        decisions(s, "reject", x -> x.rejected);
        FunctionCounter.builder("portcullis_decisions_unenforced", s, x -> x.unenforced)
                .description("decisions answered allow because of log-only mode").register(registry);
        FunctionCounter.builder("portcullis_reports", s, x -> x.reports).register(registry);
        FunctionCounter.builder("portcullis_blocks_made", s, x -> x.blocks).register(registry);
        FunctionCounter.builder("portcullis_lockouts_made", s, x -> x.lockouts).register(registry);
        FunctionCounter.builder("portcullis_bad_requests", badRequests, AtomicLong::get).register(registry);
        latency = Timer.builder("portcullis_request_latency").description("policy request handling time")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(1000))
                .maximumExpectedValue(Duration.ofMillis(100)).register(registry);
        Gauge.builder("portcullis_tracked_keys", trackedKeys, AtomicLong::get).register(registry);
        Gauge.builder("portcullis_blocks_held", blocks, AtomicLong::get)
                .description("blocks held: in force, or expired and kept for escalation").register(registry);
        Gauge.builder("portcullis_lockouts_held", lockouts, AtomicLong::get)
                .description("lockouts held (expired ones leave lazily)").register(registry);
        Gauge.builder("portcullis_lockdowns_in_force", lockdowns, AtomicLong::get).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
    }

    private void decisions(GateStats s, String outcome, ToDoubleFunction<GateStats> f) {
        FunctionCounter.builder("portcullis_decisions", s, f).tag("outcome", outcome).register(registry);
    }

    /** The background judgement's health: events it dropped, how long the last run took. */
    void watch(JudgementThread judgement) {
        Gauge.builder("portcullis_judgement_dropped_events", judgement, JudgementThread::dropped)
                .description("events the background judgement could not keep up with").register(registry);
        Gauge.builder("portcullis_judgement_last_millis", judgement, JudgementThread::lastMillis)
                .description("duration of the last full judgement").register(registry);
    }

    void recordNanos(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The 99th percentile of policy-request handling time since start, in milliseconds: the upper
     * bound of the histogram bucket that holds it; -1 before the first request.
     */
    double p99Millis() {
        io.micrometer.core.instrument.distribution.HistogramSnapshot h = latency.takeSnapshot();
        if (h.count() == 0) {
            return -1;
        }
        double target = 0.99 * h.count();
        for (io.micrometer.core.instrument.distribution.CountAtBucket b : h.histogramCounts()) {
            if (b.count() >= target) {
                return b.bucket(TimeUnit.NANOSECONDS) / 1e6;
            }
        }
        return h.max(TimeUnit.NANOSECONDS) / 1e6;
    }

    String scrape() {
        return registry.scrape();
    }
}
