package dev.portcullis.server;

import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.core.gate.GateStats;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.respond.Responder;
import dev.portcullis.server.console.ConsoleServer;
import dev.portcullis.server.console.auth.SignIn;
import dev.portcullis.respond.notify.Notifier;
import dev.portcullis.respond.notify.NotifyConfig;
import dev.portcullis.store.Store;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gate server: one Netty event loop owns the {@link Gate} (decisions never wait on a lock or the
 * store), an admin thread serves the admin API and writes acknowledged changes to the store, a writer
 * thread persists the gate's own changes behind it. At start the state in force is restored from the
 * store before the port opens ({@link StateRestore}).
 *
 * <p>The parts, as in Netty's own examples: this class wires and binds; {@link GateInitializer} builds
 * each connection's pipeline; {@link HttpHandler} dispatches through the route table ({@link Routes});
 * {@link Housekeeping} runs the periodic work.
 *
 * <p>Compromise detections go from the gate's judgement to the {@link Responder} on the admin thread
 * ({@link IncidentHook}); notifications are sent by a thread of their own ({@code portcullis-notifier}),
 * so a slow mail server delays neither decisions nor the admin API.
 *
 * <p>Tests start it on port 0 with a fake clock; {@link #port()} says where it listens.
 */
public final class GateServer implements AutoCloseable {
    static final int ADMIN_QUEUE = 4096;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ExecutorService adminThread;
    private final StoreWriter writer;
    private final Gate gate;
    private final Responder responder;
    private final StateRestore.Result restored;
    private final JudgementThread judgement;
    private final Housekeeping housekeeping;
    /** Open client connections, closed explicitly at stop so keep-alive clients (Dovecot) see them end. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel channel;
    /** The admin thread of the moment (the pool makes a new one if a task kills it). */
    private final AtomicReference<Thread> adminThreadNow = new AtomicReference<>();
    private final GateControl control;
    private final Metrics metrics;
    /** The web console on its own listener, or null when {@code server.console_listen} is off. */
    private final ConsoleServer console;

    private GateServer(GateConfig gateConfig, EngineConfig engineConfig, Store store, ServerConfig config, Clock clock,
                       IncidentConfig incidentConfig, NotifyConfig notifyConfig, PasswordCheck passwords, SignIn signIn)
            throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.loop = group.next();
        this.adminThread = adminThread(adminThreadNow);
        this.writer = new StoreWriter(store, clock, config.flushMillis());
        Notifier notifier = notifyConfig.mail() || notifyConfig.webhook()
                ? Notifier.create(store, notifyConfig, incidentConfig) : null;
        this.responder = new Responder(store, incidentConfig, notifier, new LoopEnforcer());
        this.gate = new Gate(gateConfig, new Engine(engineConfig), new IncidentHook(writer, adminThread, responder, clock));
        this.metrics = new Metrics(gate.stats());
        Instant now = clock.instant();
        this.restored = StateRestore.into(gate, loop, store, now);
        this.judgement = new JudgementThread(engineConfig, gate, loop, clock, gateConfig.judgeInterval());
        loop.submit(() -> gate.judgeElsewhere(judgement::offer));
        metrics.watch(judgement);
        responder.resume(now);
        this.housekeeping = new Housekeeping(gate, loop, store, notifier, metrics, clock);
        this.control = new GateControl(gate, loop, adminThread, adminThreadNow::get, store, clock);
        AdminApi admin = new AdminApi(control);
        Router routes = Routes.table(new PolicyApi(gate, clock), admin, new IncidentApi(responder, store, clock),
                new WforceApi(admin, gate, clock), new PasswordApi(passwords), metrics,
                () -> writer.lastError() == null ? null : "the store is not accepting writes: " + writer.lastError());
        HttpHandler handler = new HttpHandler(routes, new Auth(config, store), adminThread, metrics, config);
        this.channel = bind(config, epoll, new GateInitializer(connections, handler, config.maxBodyBytes()));
        this.console = startConsole(config, signIn);
    }

    private ConsoleServer startConsole(ServerConfig config, SignIn signIn) {
        if (!config.console().enabled()) {
            return null;
        }
        try {
            return ConsoleServer.start(config.console(), control, signIn, this::health);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** One admin thread with a bounded queue: a flood of admin-API requests is refused (503), never queued without end. */
    private static ExecutorService adminThread(AtomicReference<Thread> now) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(ADMIN_QUEUE), r -> {
            Thread t = new Thread(r, "portcullis-admin");
            t.setDaemon(true);
            now.set(t);
            return t;
        });
    }

    private Channel bind(ServerConfig config, boolean epoll, GateInitializer initializer) {
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        try {
            return b.bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** Starts the server with the default incident policy and no notifications; the store stays owned by the caller. */
    public static GateServer start(GateConfig gate, EngineConfig engine, Store store, ServerConfig config, Clock clock) {
        return start(gate, engine, store, config, clock, IncidentConfig.DEFAULTS, NotifyConfig.DISABLED);
    }

    /** Starts the server: compromise detections open incidents per {@code incidents}, told per {@code notify}. */
    public static GateServer start(GateConfig gate, EngineConfig engine, Store store, ServerConfig config, Clock clock,
                                   IncidentConfig incidents, NotifyConfig notify) {
        return start(gate, engine, store, config, clock, incidents, notify, new PasswordCheck(PasswordPolicy.defaults()));
    }

    /** As above, with the password check {@code POST /api/passwords/check} answers with; no console user can sign in. */
    public static GateServer start(GateConfig gate, EngineConfig engine, Store store, ServerConfig config, Clock clock,
                                   IncidentConfig incidents, NotifyConfig notify, PasswordCheck passwords) {
        return start(gate, engine, store, config, clock, incidents, notify, passwords, NO_USERS);
    }

    /** A console without users: every sign-in refused (until console users are wired in). */
    private static final SignIn NO_USERS = (name, password, code, now) -> SignIn.Outcome.refused("no console users");

    /** As above, with the console's credential check ({@code server.console_listen} says whether a console runs). */
    public static GateServer start(GateConfig gate, EngineConfig engine, Store store, ServerConfig config, Clock clock,
                                   IncidentConfig incidents, NotifyConfig notify, PasswordCheck passwords, SignIn signIn) {
        try {
            return new GateServer(gate, engine, store, config, clock, incidents, notify, passwords, signIn);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Records restored from the store at start. */
    public int restored() {
        return restored.restored();
    }

    /** Stored rows that could not be restored at start, each named with its reason. */
    public List<String> restoreProblems() {
        return restored.problems();
    }

    /** Waits until every change the gate made so far is in the store (tests, shutdown). */
    public void flush() {
        writer.flush();
    }

    /** The web console, or null when it is off ({@code server.console_listen: off}). */
    public ConsoleServer console() {
        return console;
    }

    /** The gate's health now, from its counters and published gauges (never waits on the event loop). */
    public GateHealth health() {
        GateStats s = gate.stats();
        long backlog = Math.max(0, writer.enqueuedSeq() - writer.flushedSeq());
        return new GateHealth(control.clock().instant(), s.allowed + s.delayed + s.rejected, s.rejected, s.delayed,
                s.reports, metrics.trackedKeys.get(), metrics.blocks.get(), metrics.lockouts.get(),
                metrics.lockdowns.get(), writer.lastError(), backlog, judgement.lastMillis(), judgement.dropped(),
                metrics.p99Millis());
    }

    /** The incident responder (tests, and the CLI's view of what the server does). */
    public Responder responder() {
        return responder;
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
        }
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        if (judgement != null) {
            judgement.close();
        }
        adminThread.shutdown();
        if (housekeeping != null) {
            housekeeping.close();
        }
        writer.close();
    }

    /** Puts the responder's holds and blocks in force on the gate's loop, once they are stored. */
    private final class LoopEnforcer implements Responder.Enforcer {
        @Override
        public void put(GateRecord r) {
            onLoop(() -> gate.put(r, false));
        }

        @Override
        public void remove(Class<? extends GateRecord> type, String key) {
            onLoop(() -> gate.remove(type, key));
        }

        private void onLoop(Runnable r) {
            try {
                loop.submit(r).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the gate refused a change", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
