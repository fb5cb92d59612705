package dev.portcullis.cli;

import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventJson;
import dev.portcullis.ingest.AsyncSink;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.InputContext;
import dev.portcullis.ingest.SinkFailedException;
import dev.portcullis.ingest.read.Follower;
import dev.portcullis.ingest.read.Input;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {
            "Prints the normalised authentication events in the logs, one per line.",
            "JSON fields: time, kind, service, account, account_raw, source, result, reason, attempts, session,",
            "format, file, line (then pwhash, user_agent and session volumes when present).",
            "Lines no parser understands are counted; the count and samples go to standard error."
        })
final class ParseCommand implements Callable<Integer> {
    enum Format { jsonl, text }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "jsonl (default) or text.")
    Format format;

    @Option(names = {"-f", "--follow"},
            description = "Keep reading the files as they grow, across rotation and truncation (like tail -F).")
    boolean follow;

    @Option(names = "--from-start", description = "With --follow: read the existing contents first (default: only new lines).")
    boolean fromStart;

    @Mixin
    InputOptions input;

    @ParentCommand
    Portcullis root;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().getOut().flush();
        Ingest ingest;
        List<Input> inputs;
        try {
            ingest = input.ingest();
            inputs = input.inputs(root.stdin);
        } catch (UsageException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        Utf8Out out = new Utf8Out(root.stdout, 1 << 18);
        StringBuilder sb = new StringBuilder(1 << 16);
        EventJson json = new EventJson();
        EventJsonBytes lines = new EventJsonBytes();
        boolean jsonl = format == Format.jsonl;
        // reading and parsing on this thread; formatting and writing on another
        AsyncSink sink = new AsyncSink(batch -> {
            if (jsonl) {
                lines.reset();
                for (AuthEvent e : batch) {
                    lines.line(e);
                    if (lines.size() > 1 << 15) {
                        out.write(lines.buffer(), 0, lines.size());
                        lines.reset();
                    }
                }
                out.write(lines.buffer(), 0, lines.size());
            } else {
                sb.setLength(0);
                for (AuthEvent e : batch) {
                    text(e, json, sb).append('\n');
                    if (sb.length() > 1 << 15) {
                        out.write(sb);
                        sb.setLength(0);
                    }
                }
                out.write(sb);
            }
            if (follow) {
                out.flush();
            }
        }, 1024, 16, "portcullis-writer");
        int code;
        try {
            try {
                code = follow ? follow(ingest, inputs, sink, err) : InputOptions.readAll(ingest, inputs, sink, err) > 0 ? 2 : 0;
            } finally {
                sink.close();
            }
            out.flush();
        } catch (SinkFailedException | UncheckedIOException e) {
            if (BrokenPipe.is(e)) {
                // the reader of standard output (head, less) has all it wanted: stop reading, quietly;
                // the counts of a partial read would mislead, so no unparsed note either
                return 0;
            }
            throw e;
        }
        Summary.unparsedNote(ingest.stats(), err);
        return code;
    }

    private int follow(Ingest ingest, List<Input> inputs, AsyncSink sink, PrintWriter err)
            throws InterruptedException {
        List<Follower> followers = new ArrayList<>();
        List<InputContext> contexts = new ArrayList<>();
        for (Input in : inputs) {
            if (in.path() == null) {
                err.println("portcullis: --follow needs files, not standard input");
                return 2;
            }
            followers.add(new Follower(in.path(), fromStart));
            contexts.add(ingest.context(in.name()));
        }
        while (!Thread.currentThread().isInterrupted()) {
            boolean any = false;
            for (int i = 0; i < followers.size(); i++) {
                InputContext ctx = contexts.get(i);
                any |= followers.get(i).poll((line, n) -> {
                    ctx.line(n);
                    ingest.line(line, ctx, sink);
                }) > 0;
            }
            sink.flush();
            if (!any) {
                Thread.sleep(250);
            }
        }
        return 0;
    }

    static StringBuilder text(AuthEvent e, EventJson json, StringBuilder sb) {
        json.time(e.time(), sb);
        sb.append(' ').append(e.kind().label());
        sb.append(' ').append(e.service() == null ? "-" : e.service());
        sb.append(' ').append(e.result() == null ? "-" : e.result().label());
        if (e.attempts() != 1) sb.append('×').append(e.attempts());
        sb.append(' ').append(e.reason().label());
        sb.append(" account=").append(e.account() == null ? "-" : Terminal.safe(e.account()));
        sb.append(" source=").append(e.source() == null ? "-" : e.source());
        if (e.session() != null) sb.append(" session=").append(Terminal.safe(e.session()));
        sb.append(" [").append(e.format()).append(' ').append(Terminal.safe(String.valueOf(Path.of(e.file()).getFileName()))).append(':').append(e.line()).append(']');
        return sb;
    }
}
