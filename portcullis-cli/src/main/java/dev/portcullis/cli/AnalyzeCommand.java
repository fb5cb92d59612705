package dev.portcullis.cli;

import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.Findings;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
            "Reads authentication logs and reports what they hold.",
            "For now: the parse summary (events by format, service and result; unparsed lines with samples).",
            "The detection engine (attacks, sources, compromised accounts) fills the rest of the report."
        })
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path outFile;

    @Mixin
    InputOptions input;

    @picocli.CommandLine.ParentCommand
    Portcullis root;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Ingest ingest;
        List<Input> inputs;
        try {
            ingest = input.ingest();
            inputs = input.inputs(root.stdin);
        } catch (UsageException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        Engine engine = new Engine();
        int errors = InputOptions.readAll(ingest, inputs, engine::record, err);
        Findings findings = engine.findings();
        String report;
        if (format == Format.json) {
            report = new ReportJson().write(ingest.stats(), findings);
        } else {
            java.io.StringWriter w = new java.io.StringWriter();
            PrintWriter pw = new PrintWriter(w);
            Summary.text(ingest.stats(), pw);
            pw.flush();
            report = w.toString();
        }
        if (outFile != null) {
            Files.writeString(outFile, report, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        return errors > 0 ? 2 : 0;
    }
}
