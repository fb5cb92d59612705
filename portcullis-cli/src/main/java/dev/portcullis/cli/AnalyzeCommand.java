package dev.portcullis.cli;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.ingest.AsyncSink;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import dev.portcullis.store.Store;
import java.io.IOException;
import java.time.Instant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
            "Reads authentication logs and reports, the morning after: which accounts were compromised, which",
            "attacks happened (brute force, password spray, distributed spray, credential stuffing), from where,",
            "against whom; devices with stale passwords; and what was read (unparsed lines with samples).",
            "Exit codes: 0 ok, 1 when --fail-on found something, 2 usage or input error."
        })
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, json, html }

    enum FailOn { compromise, attack }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Portcullis root;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json (the contract in DESIGN.md) or html (one self-contained file).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--fail-on", paramLabel = "WHAT",
            description = "Exit 1 when a compromise (compromise) or any attack (attack) is found, for scripts.")
    FailOn failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config; its 'detection:' section overrides the thresholds (docs/detection.md).")
    Path config;

    @Mixin
    InputOptions input;

    @Option(names = "--record", description = "Open incidents in the store (--data) for the compromised accounts found,"
            + " with holds and blocks the gate restores when it starts.")
    boolean record;

    @Option(names = "--notify", description = "With --record: e-mail the owners and the security team and call the"
            + " webhook now, per the config's notify: section (without it nothing is queued).")
    boolean notify;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Ingest ingest;
        List<Input> inputs;
        EngineConfig detection;
        ConfigFile.Settings settings;
        try {
            if (notify && !record) throw new UsageException("--notify needs --record");
            settings = ConfigFile.load(config);
            if (notify && !settings.notifications().mail() && !settings.notifications().webhook()) {
                throw new UsageException("--notify needs a 'notify:' section in --config with smtp.host, dry_run or webhook.url");
            }
            detection = settings.detection();
            ingest = input.ingest();
            inputs = ingest.inTimeOrder(input.inputs(root.stdin));
        } catch (UsageException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        Engine engine = new Engine(detection);
        // the chart's counts only when there is a chart
        Timeline timeline = format == Format.html ? new Timeline() : null;
        long total = inputs.stream().mapToLong(Input::size).filter(s -> s > 0).sum();
        int errors;
        // reading and parsing on this thread, detection on another (the engine stays single-threaded:
        // only that thread touches it until close() has joined it)
        try (Progress bar = Progress.start(ingest, total, err);
             AsyncSink detect = new AsyncSink(batch -> {
                 for (AuthEvent e : batch) {
                     engine.record(e);
                     if (timeline != null) {
                         timeline.record(e);
                     }
                 }
             }, 1024, 16, "portcullis-engine")) {
            errors = InputOptions.readAll(ingest, inputs, detect, err);
        }
        Findings findings = engine.findings();
        String report;
        switch (format) {
            case json -> report = new ReportJson().write(ingest.stats(), findings);
            case html -> report = ReportHtml.write(ingest.stats(), findings, timeline);
            default -> {
                StringWriter w = new StringWriter();
                PrintWriter pw = new PrintWriter(w);
                ReportText.write(ingest.stats(), findings, pw);
                pw.flush();
                report = w.toString();
            }
        }
        if (outFile != null) {
            Files.writeString(outFile, report, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        if (record) {
            try (Store st = store.open(settings)) {
                IncidentRecording.report(IncidentRecording.record(findings, settings, st, notify, Instant.now()), st, err);
            } catch (UsageException e) {
                err.println("portcullis: " + e.getMessage());
                return 2;
            }
        }
        if (errors > 0) {
            return 2;
        }
        if (failOn == FailOn.compromise && findings.compromisedCount() > 0) {
            return 1;
        }
        if (failOn == FailOn.attack && !findings.attacks().isEmpty()) {
            return 1;
        }
        return 0;
    }
}
