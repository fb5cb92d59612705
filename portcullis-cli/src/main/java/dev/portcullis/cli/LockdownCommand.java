package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lockdown", mixinStandardHelpOptions = true,
        description = {
            "Locks down remote access on the running gate: logins from outside the internal networks",
            "are refused with a clear message, for everyone, a group or one account, until it expires",
            "or is lifted. Break-glass accounts given with --exempt still pass. Audited.",
            "  lockdown on [--group A,B,*@dept.org | --account A] [--exempt A,B] [--for 4h] [--reason TEXT]",
            "  lockdown off [--id ID]      lockdown status"
        })
final class LockdownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "on, off or status")
    String action;

    @Option(names = "--group", split = ",", paramLabel = "ACCOUNTS", description = "Accounts or glob patterns.")
    List<String> group;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "One account.")
    String account;

    @Option(names = "--exempt", split = ",", paramLabel = "ACCOUNTS", description = "Break-glass accounts (names or globs).")
    List<String> exempt;

    @Option(names = "--for", paramLabel = "DURATION", description = "Expiry, like 30m, 4h, 2d (default: until lifted).")
    String duration;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Shown to users and recorded.")
    String reason;

    @Option(names = "--id", paramLabel = "ID", description = "Name of the lockdown (default 'all' for everyone).")
    String id;

    @Mixin
    AdminClient client = new AdminClient();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case "on" -> {
                if (group != null && account != null) throw new UsageException("give --group or --account, not both");
                ObjectNode b = AdminClient.JSON.createObjectNode();
                if (group != null) {
                    b.put("scope", "group");
                    group.forEach(b.putArray("accounts")::add);
                } else if (account != null) {
                    b.put("scope", "account");
                    b.putArray("accounts").add(account);
                } else {
                    b.put("scope", "all");
                }
                if (exempt != null) exempt.forEach(b.putArray("exempt")::add);
                if (duration != null) b.put("duration", duration);
                if (reason != null) b.put("reason", reason);
                if (id != null) b.put("id", id);
                JsonNode r = client.call("POST", "/api/lockdown", b).path("record");
                out.println("lockdown '" + r.path("id").asText() + "' ON (" + describe(r) + ")");
            }
            case "off" -> {
                JsonNode r = client.call("DELETE", "/api/lockdown" + (id == null ? "" : "?id=" + id), null);
                for (JsonNode l : r.path("lifted")) out.println("lockdown '" + l.path("id").asText() + "' OFF");
            }
            case "status" -> {
                JsonNode r = client.call("GET", "/api/lockdown", null);
                if (r.isEmpty()) out.println("no lockdown in force");
                for (JsonNode l : r) out.println("lockdown '" + l.path("id").asText() + "' ON (" + describe(l) + ")");
            }
            default -> throw new UsageException("unknown action '" + action + "' (on, off, status)");
        }
        out.flush();
        return 0;
    }

    private static String describe(JsonNode r) {
        StringBuilder s = new StringBuilder(r.path("scope").asText());
        if (r.path("accounts").size() > 0) s.append(": ").append(join(r.path("accounts")));
        if (r.path("exempt").size() > 0) s.append("; exempt: ").append(join(r.path("exempt")));
        s.append("; until ").append(r.path("until").isNull() || r.path("until").isMissingNode() ? "lifted" : r.path("until").asText());
        if (!r.path("reason").asText().isEmpty()) s.append("; reason: ").append(r.path("reason").asText());
        return s.toString();
    }

    private static String join(JsonNode a) {
        StringBuilder s = new StringBuilder();
        for (JsonNode x : a) s.append(s.length() == 0 ? "" : ", ").append(x.asText());
        return s.toString();
    }
}
