package dev.portcullis.cli;

import dev.portcullis.core.Accounts;
import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.investigate.AccountInvestigation;
import dev.portcullis.core.investigate.Investigation;
import dev.portcullis.core.investigate.Investigator;
import dev.portcullis.core.incident.Incident;
import dev.portcullis.core.incident.IncidentAccount;
import dev.portcullis.core.investigate.Suspect;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.portcullis.ingest.read.Input;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code portcullis investigate}: was data lost? Reads the inputs twice — once through the engine (which
 * accounts fell, when, to which addresses), once through the {@link Investigator} — so inputs must be
 * files or directories, not standard input.
 */
@Command(name = "investigate", mixinStandardHelpOptions = true,
        description = {
            "For each compromised account (or the accounts named), follows the attacker's sessions from the",
            "compromise on: what they downloaded (messages, bytes), changed in the mailbox (copies, deletes,",
            "expunges, saves, flags) and forwarded (inbox rules, mailbox forwarding), with a timeline and a",
            "verdict: no_access, accessed, downloaded, altered, forwarding. See docs/investigation.md.",
            "Exit codes: 0 ok, 2 usage or input error."
        })
final class InvestigateCommand implements Callable<Integer> {
    enum Format { text, json, html }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Portcullis root;

    @Option(names = "--account", paramLabel = "ACCOUNT",
            description = "Investigate this account (repeatable). Default: every account the engine finds compromised.")
    List<String> accounts;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json or html (one self-contained file).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config; its 'detection:' section overrides the thresholds (docs/detection.md).")
    Path config;

    @Mixin
    InputOptions input;

    @Option(names = "--incident", paramLabel = "ID",
            description = "Investigate an incident's accounts (from the store: --data), from its compromise times and the attacker's addresses.")
    String incident;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        EngineConfig detection;
        Ingest first;
        List<Input> inputs;
        Map<String, Instant> asked = new LinkedHashMap<>();
        try {
            detection = ConfigFile.detection(config);
            first = input.ingest();
            inputs = first.inTimeOrder(input.inputs(root.stdin));
            for (Input in : inputs) {
                if (in.path() == null) {
                    throw new UsageException(in.name() + ": investigate reads its inputs twice; give files, not standard input");
                }
            }
            for (String a : accounts == null ? List.<String>of() : accounts) {
                String canonical = Accounts.canonical(a);
                if (canonical == null) {
                    throw new UsageException("--account: '" + a + "' is not an account name");
                }
                asked.put(canonical, null);
            }
        } catch (UsageException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        Map<String, Set<String>> incidentSources = new LinkedHashMap<>();
        if (incident != null) {
            try (Store st = store.open(ConfigFile.load(config))) {
                Incident inc = st.incident(incident).orElseThrow(
                        () -> new UsageException("no incident '" + incident + "' in " + st.describe()));
                for (IncidentAccount a : inc.accounts()) {
                    asked.put(a.account(), a.compromisedAt());
                    incidentSources.put(a.account(), new LinkedHashSet<>(a.sources()));
                }
            } catch (UsageException e) {
                err.println("portcullis: " + e.getMessage());
                return 2;
            }
        }
        Engine engine = new Engine(detection);
        int errors = InputOptions.readAll(first, inputs, engine::record, err);
        List<Suspect> suspects = new ArrayList<>();
        for (Suspect s : Investigation.suspects(engine.findings(), asked)) {
            Set<String> sources = new LinkedHashSet<>(s.attackerSources());
            sources.addAll(incidentSources.getOrDefault(s.account(), Set.of())); // the incident's addresses too
            suspects.add(new Suspect(s.account(), s.compromisedAt(), sources));
        }
        Investigator investigator = new Investigator(suspects, engine::isShared);
        Ingest second;
        try {
            second = input.ingest();
        } catch (UsageException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        }
        errors += InputOptions.readAll(second, inputs, investigator::record, err);
        List<AccountInvestigation> results = investigator.results();
        String report;
        switch (format) {
            case json -> report = InvestigationJson.write(first.stats(), results);
            case html -> report = InvestigationHtml.write(first.stats(), results);
            default -> {
                StringWriter w = new StringWriter();
                PrintWriter pw = new PrintWriter(w);
                InvestigationText.write(first.stats(), results, pw);
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
        return errors > 0 ? 2 : 0;
    }
}
