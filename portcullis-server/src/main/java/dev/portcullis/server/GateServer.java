package dev.portcullis.server;

import dev.portcullis.core.engine.Engine;
import dev.portcullis.core.engine.EngineConfig;
import dev.portcullis.core.gate.Gate;
import dev.portcullis.core.gate.GateConfig;
import dev.portcullis.core.gate.GateRecord;
import dev.portcullis.passwords.check.PasswordCheck;
import dev.portcullis.passwords.check.PasswordPolicy;
import dev.portcullis.core.incident.IncidentConfig;
import dev.portcullis.respond.Responder;
import dev.portcullis.respond.notify.Notifier;
import dev.portcullis.respond.notify.NotifyConfig;
import dev.portcullis.store.Snapshot;
import dev.portcullis.store.Store;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate server: one Netty event loop owns the {@link Gate} (decisions never wait on a lock or the
 * store), an admin thread serves the admin API and writes acknowledged changes to the store, a writer
 * thread persists the gate's own changes behind it. At start the state in force is restored from the
 * store before the port opens.
 *
 * <p>Compromise detections go from the gate's judgement to the {@link Responder} on the admin thread
 * ({@link IncidentHook}); notifications are sent by a thread of their own ({@code portcullis-notifier}),
 * so a slow mail server delays neither decisions nor the admin API.
 *
 * <p>Tests start it on port 0 with a fake clock; {@link #port()} says where it listens.
 */
public final class GateServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GateServer.class);

    private final EventLoopGroup group;
    private final ExecutorService adminThread;
    private final StoreWriter writer;
    private final Store store;
    private final Channel channel;
    private final Gate gate;
    private final Metrics metrics;
    private final List<String> restoreProblems = new ArrayList<>();
    private final int restored;
    private final Judgement judgement;
    static final int ADMIN_QUEUE = 4096;
    /** Open client connections, closed explicitly at stop so keep-alive clients (Dovecot) see them end. */
    private final io.netty.channel.group.ChannelGroup connections =
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    private final Responder responder;
    private final ScheduledExecutorService notifyThread;

    private GateServer(GateConfig gateConfig, EngineConfig engineConfig, Store store, ServerConfig config, Clock clock,
                       IncidentConfig incidentConfig, NotifyConfig notifyConfig, PasswordCheck passwords)
            throws InterruptedException {
        this.store = store;
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        // one admin thread with a bounded queue: a flood of admin-API requests is refused (503), never queued without end
        this.adminThread = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(ADMIN_QUEUE), r -> {
                    Thread t = new Thread(r, "portcullis-admin");
                    t.setDaemon(true);
                    return t;
                });
        this.writer = new StoreWriter(store, clock, config.flushMillis());
        Notifier notifier = notifyConfig.mail() || notifyConfig.webhook()
                ? Notifier.create(store, notifyConfig, incidentConfig) : null;
        this.responder = new Responder(store, incidentConfig, notifier, new Responder.Enforcer() {
            @Override
            public void put(GateRecord r) {
                onLoop(() -> gate.put(r, false));
            }

            @Override
            public void remove(Class<? extends GateRecord> type, String key) {
                onLoop(() -> gate.remove(type, key));
            }
        });
        this.gate = new Gate(gateConfig, new Engine(engineConfig), new IncidentHook(writer, adminThread, responder, clock));
        this.metrics = new Metrics(gate.stats());
        Instant now = clock.instant();
        Snapshot stored = store.load(now);
        List<GateRecord> state = stored.all();
        restoreProblems.addAll(stored.unreadable());
        for (String p : restoreProblems) {
            log.warn("a stored record could not be restored: {}", p);
        }
        ExecutorService loop = group.next();
        try {
            loop.submit(() -> state.forEach(r -> gate.put(r, false))).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("restoring the gate's state failed", e.getCause());
        }
        this.restored = state.size();
        this.judgement = new Judgement(engineConfig, gate, loop, clock, gateConfig.judgeInterval());
        loop.submit(() -> gate.judgeElsewhere(judgement::offer));
        io.micrometer.core.instrument.Gauge.builder("portcullis_judgement_dropped_events", judgement, Judgement::dropped)
                .description("events the background judgement could not keep up with").register(metrics.registry);
        io.micrometer.core.instrument.Gauge.builder("portcullis_judgement_last_millis", judgement, Judgement::lastMillis)
                .description("duration of the last full judgement").register(metrics.registry);
        responder.resume(now);
        this.notifyThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portcullis-notifier");
            t.setDaemon(true);
            return t;
        });
        notifyThread.scheduleWithFixedDelay(() -> {
            try {
                store.purgeExpired(clock.instant()); // expired blocks and lockouts leave the store too
            } catch (RuntimeException e) {
                log.warn("purging expired state from {} failed (will try again): {}", store.describe(), e.getMessage());
            }
        }, 10, 10, TimeUnit.MINUTES);
        if (notifier != null) {
            notifyThread.scheduleWithFixedDelay(() -> {
                try {
                    notifier.tick(clock.instant());
                } catch (RuntimeException e) {
                    log.error("sending notifications failed (will try again)", e);
                }
            }, 1, 5, TimeUnit.SECONDS);
        }
        group.next().scheduleAtFixedRate(() -> {
            try {
                Instant t = clock.instant();
                gate.tick(t);
                metrics.trackedKeys.set(gate.trackedKeys());
                metrics.blocks.set(gate.blocksHeld()); // table sizes: no sweep on the event loop
                metrics.lockouts.set(gate.lockoutsHeld());
                metrics.lockdowns.set(gate.lockdowns(t).size());
            } catch (RuntimeException e) {
                log.error("the gate's periodic work failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        PolicyApi policy = new PolicyApi(gate, clock, config);
        AdminApi admin = new AdminApi(gate, loop, store, clock, new IncidentApi(responder, store));
        HttpHandler handler = new HttpHandler(policy, admin, new WforceApi(admin, gate, clock), new PasswordApi(passwords),
                adminThread, metrics, config,
                () -> writer.lastError() == null ? null : "the store is not accepting writes: " + writer.lastError());
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap b = new ServerBootstrap().group(group).channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(4096, 16 * 1024, 16 * 1024))
                                .addLast(new JsonAggregator(config.maxBodyBytes()))
                                .addLast(handler);
                    }
                });
        try {
            this.channel = b.bind(config.host(), config.port()).sync().channel();
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

    /** As above, with the password check {@code POST /api/passwords/check} answers with. */
    public static GateServer start(GateConfig gate, EngineConfig engine, Store store, ServerConfig config, Clock clock,
                                   IncidentConfig incidents, NotifyConfig notify, PasswordCheck passwords) {
        try {
            return new GateServer(gate, engine, store, config, clock, incidents, notify, passwords);
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
        return restored;
    }

    public List<String> restoreProblems() {
        return List.copyOf(restoreProblems);
    }

    /** Waits until every change the gate made so far is in the store (tests, shutdown). */
    public void flush() {
        writer.flush();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        if (judgement != null) {
            judgement.close();
        }
        adminThread.shutdown();
        if (notifyThread != null) {
            notifyThread.shutdown();
        }
        writer.close();
    }

    /** The incident responder (tests, and the CLI's view of what the server does). */
    public Responder responder() {
        return responder;
    }

    private void onLoop(Runnable r) {
        try {
            group.next().submit(r).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the gate refused a change", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Refuses oversized bodies with a 413 and a JSON reason (Netty's default answers without a body). */
    private static final class JsonAggregator extends HttpObjectAggregator {
        private final int max;

        JsonAggregator(int max) {
            super(max);
            this.max = max;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            HttpHandler.write(ctx, Reply.error(413, "the request body is larger than " + max + " bytes"), false);
        }
    }
}
