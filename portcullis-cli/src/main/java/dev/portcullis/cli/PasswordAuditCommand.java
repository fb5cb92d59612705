package dev.portcullis.cli;

import dev.portcullis.passwords.InputException;
import dev.portcullis.passwords.audit.AuditConfig;
import dev.portcullis.passwords.audit.AuditReport;
import dev.portcullis.passwords.audit.Auditor;
import dev.portcullis.passwords.audit.Credential;
import dev.portcullis.passwords.audit.NtlmDumpReader;
import dev.portcullis.passwords.audit.PasswdFileReader;
import dev.portcullis.passwords.audit.Priority;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.passwords.corpus.CorpusIndex;
import dev.portcullis.passwords.corpus.HashType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {
            "Audits stored password hashes: NTLM dumps (pwdump, secretsdump, DSInternals) and Dovecot",
            "passwd-files / htpasswd (SHA512-CRYPT, SHA256-CRYPT, BLF-CRYPT, ARGON2, SSHA, PLAIN-MD5…).",
            "Per account: breached, common, same as the account name, season+year, context word, shared,",
            "empty — the rule that matched, never the password. Accounts targeted by recent attacks",
            "(--report, an 'analyze --format json' report) come first.",
            "Exit codes: 0 ok, 1 weak passwords found with --fail-on weak, 2 usage or input error."
        })
final class PasswordAuditCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    enum InputFormat { auto, ntlm, passwd }

    private static final Pattern NTLM_LINE = Pattern.compile("^[^:]*:(\\d{1,10}:[^:]*:[0-9A-Fa-f*]{32}:.*|[0-9A-Fa-f]{32})$");

    @Spec
    CommandSpec spec;

    @ParentCommand
    PasswordsCommand parent;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or csv.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE.")
    Path outFile;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto (default: sniffed per file), ntlm or passwd.")
    InputFormat inputFormat;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Corpus index (repeatable: one SHA-1 and one NTLM index).")
    List<Path> corpora = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "An 'analyze --format json' report: its targeted"
            + " and compromised accounts are audited and listed first.")
    Path report;

    @Option(names = {"--context", "--org"}, paramLabel = "WORD", description = "Organisation words (repeatable).")
    List<String> context = new ArrayList<>();

    @Option(names = "--budget", defaultValue = "32", paramLabel = "N",
            description = "Guesses per account for slow hashes (default 32).")
    int budget;

    @Option(names = "--fast-budget", defaultValue = "100000", paramLabel = "N",
            description = "Guesses per account for fast hashes (default: the whole built-in list).")
    int fastBudget;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--fail-on", paramLabel = "weak", description = "Exit 1 when a weak password is found.")
    String failOn;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Credential files.")
    List<Path> files;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (failOn != null && !failOn.equals("weak")) {
            err.println("portcullis: --fail-on " + failOn + ": the only value is 'weak'");
            return 2;
        }
        Auditor auditor;
        Priority priority = Priority.none();
        List<Credential> creds = new ArrayList<>();
        try {
            CorpusIndex sha1 = null;
            CorpusIndex ntlm = null;
            for (Path p : corpora) {
                CorpusIndex idx = CorpusIndex.open(p);
                if (idx.hashType() == HashType.SHA1) {
                    sha1 = idx;
                } else {
                    ntlm = idx;
                }
            }
            AuditConfig cfg = new AuditConfig(context, budget, fastBudget, LocalDate.now(),
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    PasswordPolicy.builder().contextWords(context).build());
            auditor = new Auditor(cfg, sha1, ntlm);
            if (report != null) {
                try (InputStream in = Files.newInputStream(report)) {
                    priority = Priority.fromAnalyzeReport(in, report.toString());
                }
            }
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                InputFormat fmt = inputFormat == InputFormat.auto ? sniff(text) : inputFormat;
                try (BufferedReader r = new BufferedReader(new StringReader(text))) {
                    creds.addAll(fmt == InputFormat.ntlm ? NtlmDumpReader.read(r, f.toString())
                            : PasswdFileReader.read(r, f.toString()));
                }
            }
        } catch (InputException | IllegalArgumentException e) {
            err.println("portcullis: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("portcullis: " + e.getFile() + ": no such file");
            return 2;
        } catch (MalformedInputException e) {
            err.println("portcullis: a credential file is not UTF-8 text");
            return 2;
        }
        AuditReport result;
        try (Progress bar = Progress.start(auditor::done, creds.size(), false, err)) {
            result = auditor.run(creds, priority);
        }
        String text;
        switch (format) {
            case json -> text = result.toJson();
            case csv -> {
                StringWriter w = new StringWriter();
                result.writeCsv(new PrintWriter(w));
                text = w.toString();
            }
            default -> {
                StringWriter w = new StringWriter();
                result.writeText(new PrintWriter(w), Terminal::safe);
                text = w.toString();
            }
        }
        if (outFile != null) {
            Files.writeString(outFile, text, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return failOn != null && result.count("weak") > 0 ? 1 : 0;
    }

    /** NTLM when the first data line looks like user:rid:lm:nt… or user:32-hex; passwd-file otherwise. */
    static InputFormat sniff(String text) {
        for (String line : text.split("\n", 200)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
                continue;
            }
            return NTLM_LINE.matcher(l).matches() ? InputFormat.ntlm : InputFormat.passwd;
        }
        return InputFormat.passwd;
    }
}
