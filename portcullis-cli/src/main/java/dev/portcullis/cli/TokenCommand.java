package dev.portcullis.cli;

import dev.portcullis.server.Tokens;
import dev.portcullis.store.Store;
import dev.portcullis.store.TokenRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Admin API tokens (stored hashed; a secret is shown once, when it is made).",
            "  token add NAME [--role admin|read]   token list   token remove NAME"})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add, list or remove")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = "--role", defaultValue = "admin", description = "admin (may change state) or read (default ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--config", paramLabel = "FILE")
    Path config;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConfigFile.Settings s = ConfigFile.load(config);
        try (Store st = store.open(s)) {
            switch (action) {
                case "add" -> {
                    if (name == null) throw new UsageException("token add needs a NAME");
                    if (st.tokens().stream().anyMatch(t -> t.name().equals(name))) {
                        throw new UsageException("a token named '" + name + "' exists; remove it first");
                    }
                    try {
                        out.println(Tokens.create(st, name, role, Instant.now()));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                case "list" -> {
                    for (TokenRecord t : st.tokens()) {
                        out.printf("%-20s %-6s created %s%n", t.name(), t.role(), t.created());
                    }
                }
                case "remove" -> {
                    if (name == null) throw new UsageException("token remove needs a NAME");
                    if (!st.removeToken(name)) throw new UsageException("no token named '" + name + "'");
                    out.println("removed " + name);
                }
                default -> throw new UsageException("unknown action '" + action + "' (add, list, remove)");
            }
        }
        out.flush();
        return 0;
    }
}
