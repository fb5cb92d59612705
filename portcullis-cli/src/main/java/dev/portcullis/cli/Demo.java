package dev.portcullis.cli;

import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.respond.notify.NotifyConfig;
import dev.portcullis.server.GateServer;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.Tokens;
import dev.portcullis.sim.Story;
import dev.portcullis.sim.replay.FastClock;
import dev.portcullis.sim.replay.PolicyReplay;
import dev.portcullis.store.Store;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code portcullis demo}'s wiring: a gate ({@link GateServer}, as {@code serve} starts it) on a free
 * loopback port with a SQLite store and a dry-run outbox in a temporary directory, its clock a
 * {@link FastClock} at the story's start; the {@link Story}'s attempts replayed against it through the
 * Dovecot policy endpoint ({@link PolicyReplay}); {@link Milestones} watching. {@link #close()} stops
 * everything and deletes the directory; it is idempotent, so the shutdown hook and the command may
 * both call it.
 *
 * <p>At speed the gate's real-time work is compressed: the judgement runs every real second (the
 * shortest {@code judge.interval}; {@code speed} simulated seconds), the notifier sends every 5 real
 * seconds, blocks and holds expire within a real second of their simulated end.
 */
final class Demo implements AutoCloseable {
    /** What the demo is asked to show. */
    record Options(long seed, int users, int hours, double speed) {
        Options {
            if (users < 50 || users > 100_000) throw new IllegalArgumentException("--users must be 50..100000, was " + users);
            if (hours < 1 || hours > 72) throw new IllegalArgumentException("--hours must be 1..72, was " + hours);
            if (!(speed >= 1 && speed <= FastClock.MAX_RATE)) {
                throw new IllegalArgumentException("--speed must be 1.." + (long) FastClock.MAX_RATE + ", was " + speed);
            }
        }
    }

    private final Story story;
    private final Path dir;
    private final Path outbox;
    private final FastClock clock;
    private final Store store;
    private final GateServer server;
    private final String adminToken;
    private final Milestones milestones;
    private final PolicyReplay replay;
    private final ScheduledExecutorService watcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Demo(Story story, Path dir, FastClock clock, Store store, GateServer server, String adminToken,
                 Consumer<String> out) {
        this.story = story;
        this.dir = dir;
        this.outbox = dir.resolve("outbox");
        this.clock = clock;
        this.store = store;
        this.server = server;
        this.adminToken = adminToken;
        this.milestones = new Milestones(story, store, outbox, clock, out);
        this.replay = new PolicyReplay(URI.create(policyUrl())).pace(clock).listener(milestones)
                .skip(milestones::neverHappens);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-demo-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes the story, starts the gate; milestones are told to {@code out} (one line each, from any thread). */
    static Demo start(Options o, Consumer<String> out) throws IOException {
        Story story = Story.pick(o.seed(), o.users(), Duration.ofHours(o.hours()));
        Path dir = Files.createTempDirectory("portcullis-demo-");
        Store store = null;
        try {
            store = Store.open(dir.resolve("data").toString());
            FastClock clock = new FastClock(story.start(), o.speed());
            String token = Tokens.create(store, "demo", "admin", clock.instant());
            GateServer server = GateServer.start(gate(), EngineConfig.DEFAULTS, store,
                    new ServerConfig("127.0.0.1", 0, null, "X-API-Key", 64 * 1024, 50), clock, IncidentConfig.DEFAULTS,
                    notify(dir.resolve("outbox")));
            Demo d = new Demo(story, dir, clock, store, server, token, out);
            d.watcher.scheduleWithFixedDelay(d::poll, 0, Milestones.POLL.toMillis(), TimeUnit.MILLISECONDS);
            return d;
        } catch (RuntimeException e) {
            if (store != null) store.close();
            delete(dir);
            throw e;
        }
    }

    /** The gate's policy: the defaults, judged every real second (the shortest interval) so it keeps up at speed. */
    static GateConfig gate() {
        return GateConfig.fromMap(Map.of("judge.interval", "1s"));
    }

    /** Letters written as .eml files into {@code outbox} instead of sent (accounts are the owners' addresses). */
    static NotifyConfig notify(Path outbox) {
        return NotifyConfig.fromMap(Map.of("dry_run", outbox.toString(), "owner_address", "{account}",
                "security_team", "security@example.org", "from", "portcullis@example.org",
                "organisation", "Example Org", "helpdesk", "the IT help desk (help@example.org)"), name -> null);
    }

    private void poll() {
        try {
            milestones.poll();
        } catch (RuntimeException e) {
            if (!closed.get()) {
                System.err.println("portcullis: demo: reading the gate's state failed (will try again): " + e.getMessage());
            }
        }
    }

    /** Replays the whole story (paced by the clock); returns what the replay did. */
    PolicyReplay.Tally run() throws IOException, InterruptedException {
        return replay.run(story.attempts().iterator());
    }

    /** Waits (real time) until every milestone has been seen, or the time is up; says whether they all were. */
    boolean awaitMilestones(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!milestones.complete() && System.nanoTime() < deadline) {
            Thread.sleep(Milestones.POLL.toMillis());
        }
        return milestones.complete();
    }

    /**
     * THE CONSOLE (issue 13): the address of the web console with a one-time sign-in link
     * ({@code oneTimeLink(ConsoleUser)}), once the console is started beside the gate here; null
     * until then, and the demo says nothing about a console. Connect it in this one place.
     */
    String consoleAddress() {
        return null;
    }

    String policyUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    int port() {
        return server.port();
    }

    Story story() {
        return story;
    }

    FastClock clock() {
        return clock;
    }

    Store store() {
        return store;
    }

    Path dir() {
        return dir;
    }

    Path outbox() {
        return outbox;
    }

    String adminToken() {
        return adminToken;
    }

    Milestones milestones() {
        return milestones;
    }

    boolean closed() {
        return closed.get();
    }

    PolicyReplay.Tally tally() {
        return replay.tally();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        replay.stop();
        watcher.shutdownNow();
        try {
            server.close();
        } finally {
            store.close();
            delete(dir);
        }
    }

    /** Deletes a directory tree; what cannot be deleted is left and named on stderr. */
    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("portcullis: demo: could not delete " + root + ": " + e.getMessage());
        }
    }
}
