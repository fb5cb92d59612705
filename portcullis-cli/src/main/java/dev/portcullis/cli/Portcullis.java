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
        })
public final class Portcullis implements Runnable {
    /** The subcommands, in the order the help lists them. */
    static final String[] COMMANDS = {"parse", "analyze", "serve", "lockdown", "incidents", "token", "user", "passwords",
        "investigate", "simulate", "demo", "help"};

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
        // Only the invoked subcommand is built: picocli reads every command's annotations by reflection,
        // and building all of them cost start-up time for every run (issue 11). Anything else (no
        // arguments, an option first, an unknown name, help) gets them all, so usage and errors list them.
        Object only = args.length > 0 && !"help".equals(args[0]) ? command(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only);
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(name, command(name));
            }
        }
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

    /** A new instance of the named subcommand, or null; written as a switch so no other command's class loads. */
    static Object command(String name) {
        switch (name) {
            case "parse": return new ParseCommand();
            case "analyze": return new AnalyzeCommand();
            case "serve": return new ServeCommand();
            case "lockdown": return new LockdownCommand();
            case "incidents": return new IncidentsCommand();
            case "token": return new TokenCommand();
            case "user": return new UserCommand();
            case "passwords": return new PasswordsCommand();
            case "investigate": return new InvestigateCommand();
            case "simulate": return new SimulateCommand();
            case "demo": return new DemoCommand();
            case "help": return new CommandLine.HelpCommand();
            default: return null;
        }
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
