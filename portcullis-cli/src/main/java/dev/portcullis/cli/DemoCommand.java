package dev.portcullis.cli;

import dev.portcullis.sim.Story;
import dev.portcullis.sim.replay.PolicyReplay;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Shows Portcullis at work in about three minutes, with nothing to set up:",
            "starts a gate on a free port with a temporary store and replays a small",
            "organisation's logins through its Dovecot auth-policy endpoint, as Dovecot",
            "would, on a fast clock. A fast password spray is blocked, a distributed",
            "low-and-slow spray recognised, an account broken into by a guessed weak",
            "password, its incident opened and the owner's letter written to a dry-run",
            "outbox. Ctrl-C stops it and deletes everything it made (docs/demo.md)."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Seed: the same seed tells the same story (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--users", defaultValue = "300", description = "Mailboxes of the organisation (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--hours", defaultValue = "4", description = "Hours of logins replayed (default ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--speed", defaultValue = "120",
            description = "Simulated seconds per real second (default ${DEFAULT-VALUE}: 4 hours in 2 minutes).")
    double speed;

    @Option(names = "--exit", description = "Stop after the summary instead of keeping the gate up until Ctrl-C.")
    boolean exit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Demo.Options o;
        try {
            o = new Demo.Options(seed, users, hours, speed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Demo demo;
        try {
            demo = Demo.start(o, line -> print(out, line));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "portcullis-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            header(out, demo, o);
            demo.milestones().say("replay started: " + demo.story().attempts().size() + " login attempts, "
                    + Milestones.hhmm(demo.story().start()) + " to " + Milestones.hhmm(demo.story().end()));
            PolicyReplay.Tally t = demo.run();
            if (demo.closed()) {
                return 130; // Ctrl-C: the shutdown hook stopped and removed everything
            }
            demo.milestones().say("replay finished");
            boolean all = demo.awaitMilestones(Duration.ofSeconds(30));
            summary(out, demo, t, all);
            if (exit) {
                return all ? 0 : 1;
            }
            print(out, "");
            print(out, "The gate keeps running (its clock too). Admin API: curl -H 'Authorization: Bearer "
                    + demo.adminToken() + "' " + demo.policyUrl() + "api/incidents");
            print(out, "Ctrl-C stops it and deletes " + demo.dir());
            stopped.await();
            return 0;
        } finally {
            if (exit) {
                demo.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already: it closes the demo too
                }
            }
        }
    }

    private static void header(PrintWriter out, Demo demo, Demo.Options o) {
        Story s = demo.story();
        print(out, String.format("Portcullis demo: %,d mailboxes, %d hours of logins at %sx speed (about %s), story seed %d%s",
                o.users(), o.hours(), trim(o.speed()), Milestones.words(demo.clock().real(Duration.ofHours(o.hours()))), s.seed(),
                s.seed() == o.seed() ? "" : " (the first from --seed " + o.seed() + " with a weak password guessed at the first try)"));
        print(out, "  gate:    " + demo.policyUrl() + "  (Dovecot auth policy: POST ?command=allow, ?command=report)");
        String console = demo.consoleAddress();
        if (console != null) {
            print(out, "  console: " + console);
        }
        print(out, "  store:   " + demo.dir() + " (SQLite), letters: " + demo.outbox());
        print(out, "  attacks: a fast spray from " + s.spraySource() + ", a distributed spray from " + s.campaignSources().size()
                + " addresses");
        print(out, "");
        print(out, "sim time  real   what happened");
    }

    private static void summary(PrintWriter out, Demo demo, PolicyReplay.Tally t, boolean all) {
        Milestones m = demo.milestones();
        print(out, "");
        Duration real = demo.clock().elapsed();
        print(out, String.format("Summary (%s of logins in %d:%02d real time):",
                Milestones.words(Duration.between(demo.story().start(), demo.story().end())), real.toMinutes(),
                real.toSecondsPart()));
        print(out, String.format("  logins      %,d attempts replayed with %,d requests (%,d errors); %,d let in, %,d wrong passwords",
                t.attempts(), t.requests(), t.errors(), t.loggedIn(), t.failed()));
        print(out, String.format("  refused     %,d before the password check, %,d right passwords after it; %,d delayed",
                t.refused(), t.refusedAfterPassword(), t.delayed()));
        print(out, String.format("  blocks      %,d addresses and networks (the distributed spray: %,d addresses)", m.blocks(),
                m.campaignSources()));
        Set<String> kinds = m.detectionKinds();
        print(out, "  detections  " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        print(out, "  compromised " + (m.compromised().isEmpty() ? "none" : String.join(", ", m.compromised()))
                + (m.refusedBreakIns() == 0 ? "" : "; " + m.refusedBreakIns() + " more guessed right and refused by the gate"
                + (t.skipped() == 0 ? "" : " (" + t.skipped() + " later attacker logins never happened)")));
        print(out, String.format("  incidents   %d opened; %d letters in the outbox", m.incidents(), m.letters()));
        print(out, String.format("  real users  %d right passwords refused%s", m.refusedUsers(), m.refusedOwners() == 0 ? ""
                : " (and " + m.refusedOwners() + " of the owners of held accounts, until they reset their passwords)"));
        if (!all) {
            print(out, "  NOT SEEN    " + String.join("; ", m.missing()) + " (a slow machine? try a lower --speed)");
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
