package dev.portcullis.cli;

import dev.portcullis.passwords.check.CheckContext;
import dev.portcullis.passwords.check.CheckResult;
import dev.portcullis.passwords.check.Finding;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Checks one password (NIST SP 800-63B-4): length, breached corpus, common passwords, the account",
            "name, context words, seasons and years, strength. Reads the password from standard input (first",
            "line) or, on a terminal, from a prompt without echo — never from the command line.",
            "Exit codes: 0 accepted, 1 rejected, 2 usage error."
        })
final class PasswordCheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    PasswordsCommand parent;

    @Option(names = "--account", paramLabel = "NAME", description = "The account the password is for.")
    String account;

    @Option(names = "--name", paramLabel = "TEXT", description = "The person's name.")
    String name;

    @Option(names = {"--context", "--org"}, paramLabel = "WORD",
            description = "The organisation's name, services, town… (repeatable).")
    List<String> context = new ArrayList<>();

    @Option(names = "--mfa", description = "The account has a second factor (minimum length 8 instead of 15).")
    boolean mfa;

    @Option(names = "--corpus", paramLabel = "FILE", description = "A corpus index from 'portcullis passwords index'.")
    Path corpus;

    @Option(names = "--min-length", paramLabel = "N", defaultValue = "15", description = "Minimum length (15–64).")
    int minLength;

    @Option(names = "--min-length-mfa", paramLabel = "N", defaultValue = "8",
            description = "Minimum length with a second factor (8–64).")
    int minLengthMfa;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PasswordCheck check;
        try {
            check = new PasswordCheck(PasswordPolicy.builder().minLength(minLength).minLengthMfa(minLengthMfa)
                    .contextWords(context).corpus(corpus).build());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        char[] password = readPassword(parent.root.stdin);
        CheckResult r;
        try {
            r = check.check(password, new CheckContext(account, name, mfa, List.of()));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (format == Format.json) {
            out.println(r.toJson());
        } else {
            out.println(r.accepted() ? "Accepted." : "Rejected:");
            for (Finding f : r.reasons()) {
                out.println("  - " + f.message());
            }
            out.println("Strength: " + r.score() + " of 4" + (check.hasCorpus() ? "" : " (no breached corpus configured;"
                    + " the built-in common list was used)"));
            if (r.feedback().warning() != null && !r.accepted()) {
                out.println("Hint: " + r.feedback().warning());
            }
            for (String s : r.feedback().suggestions()) {
                if (!r.accepted()) {
                    out.println("Hint: " + s);
                }
            }
        }
        out.flush();
        return r.accepted() ? 0 : 1;
    }

    /** A prompt without echo on a terminal; otherwise the first line of standard input. Bytes are zeroed. */
    static char[] readPassword(InputStream stdin) {
        Console console = System.console();
        if (stdin == System.in && console != null) {
            char[] pw = console.readPassword("Password: ");
            return pw == null ? new char[0] : pw;
        }
        return PasswordInput.line(stdin);
    }
}
