package dev.portcullis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/** The {@code portcullis} command: subcommands wire the modules together; no logic lives here. */
@Command(name = "portcullis",
        mixinStandardHelpOptions = true,
        versionProvider = Portcullis.Version.class,
        description = {
            "Stops password attacks on mail and login systems, and helps respond when one gets through.",
            ""
        },
        subcommands = {ParseCommand.class, AnalyzeCommand.class, ServeCommand.class, LockdownCommand.class,
            IncidentsCommand.class, TokenCommand.class, PasswordsCommand.class, InvestigateCommand.class, SimulateCommand.class,
            CommandLine.HelpCommand.class})
public final class Portcullis implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Raw standard output (bulk output goes here as bytes) and standard input, set by {@link #run}. */
    OutputStream stdout = System.out;
    InputStream stdin = System.in;

    public static void main(String[] args) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = run(args, stdout, System.in, err);
        err.flush();
        System.exit(code);
    }

    /**
     * Runs a command line; returns the exit code (0 ok, 1 findings with --fail-on, 2 usage or input error).
     * Text output goes through a writer over {@code stdout}; bulk output (events) writes bytes to it.
     */
    public static int run(String[] args, OutputStream stdout, InputStream stdin, PrintWriter err) {
        Portcullis root = new Portcullis();
        root.stdout = stdout;
        root.stdin = stdin;
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)), false);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("portcullis: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("portcullis: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            c.getErr().flush();
            return 2;
        });
        int code = cl.execute(args);
        out.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Portcullis.class.getResourceAsStream("/portcullis-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"portcullis " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
