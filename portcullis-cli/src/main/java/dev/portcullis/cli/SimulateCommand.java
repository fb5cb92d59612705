package dev.portcullis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.sim.Scenario;
import dev.portcullis.sim.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Writes a labelled mail log of a simulated organisation under attack, and its truth.",
            "Everyday traffic (homes, an office NAT, carrier NATs, typos, stale phones, users giving up),",
            "brute force, password sprays, a low-and-slow distributed spray, credential stuffing, and the",
            "attacker's returns to every account it broke into. The truth lists the attackers and the",
            "accounts they broke into, to score an analyze report against (docs/report.md)."
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "3000", description = "Mailboxes (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--hours", defaultValue = "24", description = "Hours the log covers (default ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--seed", defaultValue = "1", description = "Seed: the same seed writes the same log.")
    long seed;

    @Option(names = "--end", defaultValue = "2026-11-20T23:00:00Z", description = "When the log ends (ISO-8601).")
    String end;

    @Option(names = "--classic-syslog", description = "Classic syslog stamps (no year) instead of RFC 3339.")
    boolean classic;

    @Option(names = "--no-auth-lines", description = "Without Dovecot auth_verbose lines.")
    boolean noAuthLines;

    @Option(names = "--ipv6", defaultValue = "0.1", description = "Share of homes on IPv6 (default ${DEFAULT-VALUE}).")
    double ipv6;

    @Option(names = "--brute-force", defaultValue = "3", description = "Brute-force sources.")
    int bruteForce;

    @Option(names = "--sprays", defaultValue = "2", description = "Single-address password sprays.")
    int sprays;

    @Option(names = "--distributed", defaultValue = "-1", description = "Addresses of the distributed spray (default users/3).")
    int distributed;

    @Option(names = "--stuffing", defaultValue = "-1", description = "Addresses of the credential stuffing (default users/10).")
    int stuffing;

    @Option(names = "--out", required = true, paramLabel = "LOG", description = "Where to write the log (.gz compresses).")
    Path out;

    @Option(names = "--truth", required = true, paramLabel = "JSON", description = "Where to write the truth.")
    Path truth;

    @Override
    public Integer call() throws Exception {
        ScenarioSpec base;
        try {
            base = ScenarioSpec.typical(users, Duration.ofHours(hours), seed);
            base = new ScenarioSpec(base.users(), base.span(), seed, !classic, !noAuthLines, ipv6, bruteForce, sprays,
                    distributed < 0 ? base.distributedSources() : distributed,
                    stuffing < 0 ? base.stuffingSources() : stuffing, base.mobileNats(), base.staleDevices(),
                    base.giveUps(), base.weakShare(), Instant.parse(end));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("portcullis: " + e.getMessage());
            return 2;
        }
        Scenario s = new Scenario(base);
        boolean gz = out.getFileName().toString().endsWith(".gz");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(gz ? new GZIPOutputStream(Files.newOutputStream(out))
                : Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
            s.write(w);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(truth.toFile(), s.truth());
        spec.commandLine().getErr().printf("portcullis: wrote %,d lines to %s and the truth to %s%n", s.lineCount(), out, truth);
        return 0;
    }

}
