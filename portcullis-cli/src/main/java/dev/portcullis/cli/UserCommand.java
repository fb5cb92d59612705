package dev.portcullis.cli;

import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.server.console.auth.ConsoleUsers;
import dev.portcullis.server.console.auth.Enrolment;
import dev.portcullis.server.console.auth.Role;
import dev.portcullis.store.ConsoleUserRecord;
import dev.portcullis.store.Store;
import java.io.Console;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {
            "Console users: who may sign in to the web console, with a password (Argon2id, checked like any",
            "new password) and a TOTP second factor (required for admins). Every change is audited as",
            "cli:<your OS user>. Passwords are typed twice without echo, or one line on standard input",
            "with --password-stdin; never on the command line. A second factor is shown once.",
            "  user add NAME --role viewer|responder|admin [--no-totp] [--password-stdin]",
            "  user list      user passwd NAME      user totp NAME (re-enrol)",
            "  user disable NAME      user enable NAME      user remove NAME"
        })
final class UserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Portcullis root;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add, list, passwd, totp, disable, enable or remove")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
            description = "1-64 of letters, digits, '.', '_', '@', '-' (stored in lower case).")
    String name;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "viewer (sees everything, changes nothing), responder (runs incidents) or admin (also manages users).")
    String role;

    @Option(names = "--no-totp", description = "No second factor (not for an admin; the password must then be 15 characters or more).")
    boolean noTotp;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--corpus", paramLabel = "INDEX",
            description = "Also refuse passwords found in this breached-password index ('portcullis passwords index').")
    Path corpus;

    @Option(names = "--config", paramLabel = "FILE")
    Path config;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConfigFile.Settings s = ConfigFile.load(config);
        checkArguments();
        String actor = actor();
        try (Store st = store.open(s)) {
            ConsoleUsers users = new ConsoleUsers(st, passwordCheck());
            Instant now = Instant.now();
            try {
                switch (action) {
                    case "add" -> {
                        Role r = Role.of(role);
                        if (r == Role.ADMIN && noTotp) {
                            throw new UsageException("--no-totp is refused for an admin: admins must have a second factor");
                        }
                        if (users.find(name).isPresent()) {
                            throw new UsageException("a console user named '" + ConsoleUsers.canonicalName(name)
                                    + "' exists (change it with 'user passwd' or 'user totp', or remove it first)");
                        }
                        char[] pw = password();
                        try {
                            Enrolment e = users.add(name, r, pw, !noTotp, actor, now);
                            out.println("added " + e.name() + " (" + r.word() + (noTotp ? ", no second factor" : ", TOTP") + ")");
                            enrolment(out, e);
                        } finally {
                            Arrays.fill(pw, '\0');
                        }
                    }
                    case "list" -> {
                        out.printf("%-32s %-9s %-4s %-24s %s%n", "NAME", "ROLE", "TOTP", "CREATED", "BY");
                        for (ConsoleUserRecord u : users.list()) {
                            out.printf("%-32s %-9s %-4s %-24s %s%s%n", u.name(), u.role(), u.hasTotp() ? "yes" : "no",
                                    u.created(), Terminal.safe(u.createdBy()),
                                    u.disabled() == null ? "" : "  (disabled since " + u.disabled() + ")");
                        }
                    }
                    case "passwd" -> {
                        ConsoleUserRecord u = existing(users);
                        char[] pw = password();
                        try {
                            users.passwd(u.name(), pw, actor, now);
                            out.println("password changed for " + u.name());
                        } finally {
                            Arrays.fill(pw, '\0');
                        }
                    }
                    case "totp" -> {
                        Enrolment e = users.enrolTotp(existing(users).name(), actor, now);
                        out.println("new second factor for " + e.name() + "; the old one no longer works");
                        enrolment(out, e);
                    }
                    case "disable", "enable" -> {
                        ConsoleUserRecord u = existing(users);
                        users.setDisabled(u.name(), action.equals("disable"), actor, now);
                        out.println(action + "d " + u.name());
                    }
                    case "remove" -> {
                        String n = existing(users).name();
                        users.remove(n, actor, now);
                        out.println("removed " + n);
                    }
                    default -> throw new UsageException("unknown action '" + Terminal.safe(action)
                            + "' (add, list, passwd, totp, disable, enable, remove)");
                }
            } catch (IllegalArgumentException e) {   // Refused (bad input, with its reasons) among them
                throw new UsageException(e.getMessage());
            }
        }
        out.flush();
        return 0;
    }

    /** Usage errors found before anything is read or opened. */
    private void checkArguments() throws UsageException {
        boolean named = !action.equals("list");
        if (named && name == null) {
            throw new UsageException("user " + Terminal.safe(action) + " needs a NAME");
        }
        if (!named && name != null) {
            throw new UsageException("user list takes no NAME");
        }
        if (named && ConsoleUsers.canonicalName(name) == null) {
            throw new UsageException("console user name " + shown(name)
                    + " must be 1-64 of letters, digits, '.', '_', '@', '-'");
        }
        if (action.equals("add") && role == null) {
            throw new UsageException("user add needs --role viewer, responder or admin");
        }
        if (!action.equals("add") && (role != null || noTotp)) {
            throw new UsageException("--role and --no-totp are for 'user add' only (re-enrol with 'user totp NAME')");
        }
        if (role != null) {
            try {
                Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new UsageException(Terminal.safe(e.getMessage()));
            }
        }
    }

    private ConsoleUserRecord existing(ConsoleUsers users) throws UsageException {
        return users.find(name).orElseThrow(() -> new UsageException("no console user named '"
                + ConsoleUsers.canonicalName(name) + "'"));
    }

    private PasswordCheck passwordCheck() throws UsageException {
        PasswordPolicy.Builder p = PasswordPolicy.builder();
        if (corpus != null) {
            p.corpus(corpus);
        }
        try {
            return new PasswordCheck(p.build());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The new password: one line of standard input, or typed twice at the terminal without echo. */
    private char[] password() throws UsageException {
        if (passwordStdin) {
            return PasswordInput.line(root.stdin);
        }
        Console console = System.console();
        if (root.stdin != System.in || console == null) {
            throw new UsageException("no terminal to read the password from: give --password-stdin and the password"
                    + " as the first line of standard input");
        }
        char[] pw = PasswordInput.twice(console, ConsoleUsers.canonicalName(name));
        if (pw == null) {
            throw new UsageException("the two passwords differ; nothing was changed");
        }
        return pw;
    }

    private static void enrolment(PrintWriter out, Enrolment e) {
        if (e.secret() == null) {
            return;
        }
        out.println("Add this second factor to an authenticator app now; it is not shown again.");
        out.println("  URI (make a QR code of it, e.g. qrencode -t ansiutf8 'URI'):");
        out.println("    " + e.uri());
        out.println("  or type the secret (base32, TOTP, SHA1, 6 digits, 30 s):");
        out.println("    " + e.secret());
    }

    /** Who is changing things, for the audit trail: the OS user this command runs as. */
    static String actor() {
        String user = System.getProperty("user.name");
        return "cli:" + (user == null || user.isBlank() ? "unknown" : Terminal.safe(user));
    }

    private static String shown(String s) {
        return "'" + Terminal.safe(s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }
}
