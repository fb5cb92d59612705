package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = {
            "Incidents on the running gate: compromised accounts, their response, the GDPR 72-hour clock.",
            "  incidents list [--all]                 incidents show ID",
            "  incidents ack ID [--aware TIME] [--note TEXT]      (when the organisation became aware)",
            "  incidents account ID ACCOUNT STATE [--note TEXT]   (notified, reset_confirmed, closed)",
            "  incidents close ID [--note TEXT]       incidents gdpr ID   (Article 33(3) record, JSON)",
            "Every change is audited."
        })
final class IncidentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, show, ack, account, close or gdpr")
    String action;

    @Parameters(index = "1..*", paramLabel = "ARGS", arity = "0..3", description = "ID [ACCOUNT STATE]")
    List<String> args = List.of();

    @Option(names = "--all", description = "list: closed incidents too.")
    boolean all;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note recorded with the change.")
    String note;

    @Option(names = "--aware", paramLabel = "TIME", description = "ack: when the organisation became aware (ISO-8601 UTC; default now).")
    String aware;

    @Option(names = "--json", description = "show: print the incident as JSON.")
    boolean json;

    @Mixin
    AdminClient client = new AdminClient();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (action) {
            case "list" -> {
                JsonNode list = client.call("GET", "/api/incidents" + (all ? "?status=all" : ""), null);
                if (list.isEmpty()) out.println(all ? "no incidents" : "no open incidents");
                for (JsonNode i : list) {
                    out.printf("%-22s %-7s %-20s %3d account(s)  opened %s  GDPR deadline %s%s%n", i.path("id").asText(),
                            i.path("status").asText(), i.path("kind").asText(), i.path("accounts").asInt(),
                            i.path("opened").asText(), i.path("deadline").asText(),
                            i.path("deadline_provisional").asBoolean() ? " (provisional: not acknowledged)" : "");
                }
            }
            case "show" -> print(out, client.call("GET", path(id()), null));
            case "ack" -> {
                ObjectNode b = AdminClient.JSON.createObjectNode();
                if (aware != null) b.put("aware", aware);
                if (note != null) b.put("note", note);
                print(out, client.call("POST", path(id()) + "/ack", b));
            }
            case "account" -> {
                if (args.size() != 3) throw new UsageException("usage: incidents account ID ACCOUNT STATE [--note TEXT]");
                ObjectNode b = AdminClient.JSON.createObjectNode().put("state", args.get(2));
                if (note != null) b.put("note", note);
                print(out, client.call("POST", path(id()) + "/accounts/" + enc(args.get(1)), b));
            }
            case "close" -> {
                ObjectNode b = AdminClient.JSON.createObjectNode();
                if (note != null) b.put("note", note);
                print(out, client.call("POST", path(id()) + "/close", b));
            }
            case "gdpr" -> out.println(AdminClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(client.call("GET", path(id()) + "/gdpr", null)));
            default -> throw new UsageException("unknown action '" + action + "' (list, show, ack, account, close, gdpr)");
        }
        out.flush();
        return 0;
    }

    private String id() throws UsageException {
        if (args.isEmpty()) throw new UsageException("which incident? give its ID (see 'portcullis incidents list')");
        return args.get(0);
    }

    private static String path(String id) {
        return "/api/incidents/" + enc(id);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void print(PrintWriter out, JsonNode i) throws Exception {
        if (json) {
            out.println(AdminClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(i));
            return;
        }
        out.printf("incident %s (%s) %s%n", i.path("id").asText(), i.path("kind").asText(), i.path("status").asText());
        out.printf("  opened %s; aware since %s; GDPR Article 33 deadline %s%s%n", i.path("opened").asText(),
                i.path("became_aware").isNull() ? "(not acknowledged)" : i.path("became_aware").asText(),
                i.path("deadline").asText(), i.path("deadline_provisional").asBoolean() ? " (provisional)" : "");
        out.printf("  attacker addresses: %d%n", i.path("source_addresses").size());
        out.println("  accounts:");
        for (JsonNode a : i.path("account_list")) {
            out.printf("    %-40s %-16s compromised %s%n", a.path("account").asText(), a.path("stage").asText(),
                    a.path("compromised_at").asText("?"));
        }
        out.println("  deliveries:");
        for (JsonNode d : i.path("deliveries")) {
            out.printf("    %-17s %-30s %-8s attempts %d%s%n", d.path("kind").asText(), d.path("to").asText(),
                    d.path("state").asText(), d.path("attempts").asInt(),
                    d.path("error").isNull() ? "" : "  (" + d.path("error").asText() + ")");
        }
        out.println("  notes:");
        for (JsonNode n : i.path("notes")) {
            out.printf("    %s %s%s: %s%n", n.path("time").asText(), n.path("author").asText(),
                    n.path("account").isNull() ? "" : " [" + n.path("account").asText() + "]", n.path("text").asText());
        }
    }
}
