package dev.portcullis.server;

import dev.portcullis.core.Untrusted;
import dev.portcullis.respond.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes requests. Policy commands (Dovecot, wforce allow/report/ping/stats) and the generic login API
 * are answered inline on the event loop; anything that touches the store (admin API, wforce list
 * commands) or takes long (metrics) goes to the admin thread and its answer comes back to the loop.
 * Every refusal is a 4xx with a JSON reason; an unexpected exception is logged and answered 500
 * without detail.
 */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpHandler.class);

    private final PolicyApi policy;
    private final AdminApi admin;
    private final ExecutorService adminThread;
    private final Metrics metrics;
    private final ServerConfig config;
    private final Readiness readiness;
    private final PasswordApi passwords;
    private final WforceApi wforce;

    /** What /readyz reports. */
    interface Readiness {
        /** Null when ready, else why not. */
        String notReady();
    }

    HttpHandler(PolicyApi policy, AdminApi admin, WforceApi wforce, PasswordApi passwords, ExecutorService adminThread,
                Metrics metrics, ServerConfig config, Readiness readiness) {
        this.wforce = wforce;
        this.passwords = passwords;
        this.policy = policy;
        this.admin = admin;
        this.adminThread = adminThread;
        this.metrics = metrics;
        this.config = config;
        this.readiness = readiness;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        long t0 = System.nanoTime();
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            metrics.badRequests.incrementAndGet();
            write(ctx, Reply.error(400, "the request is not valid HTTP"), false);
            return;
        }
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        ByteBuf content = req.content();
        byte[] body = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), body);
        Request r = new Request(req.method().name(), q.path(), q.parameters(),
                req.headers().get(HttpHeaderNames.AUTHORIZATION), req.headers().get(config.apiHeader()), body);
        Reply reply;
        try {
            reply = route(ctx, r, keepAlive);
        } catch (BadRequest e) {
            metrics.badRequests.incrementAndGet();
            reply = Reply.error(e.status, e.getMessage());
        } catch (RuntimeException e) {
            log.error("unexpected error on {} {}", r.method(), Untrusted.text(r.path()), e);
            reply = Reply.error(500, "internal error");
        }
        if (reply != null) {
            write(ctx, reply, keepAlive);
            metrics.recordNanos(System.nanoTime() - t0);
        }
    }

    /** Answers inline, or returns null when the answer will come from the admin thread. */
    private Reply route(ChannelHandlerContext ctx, Request r, boolean keepAlive) {
        String path = r.path();
        String command = null;
        if (path.equals("/")) {
            command = r.param("command");
            if (command == null) {
                throw new BadRequest(404, "no command: use /?command=allow|report|… or /command/…");
            }
        } else if (path.startsWith("/command/")) {
            command = path.substring("/command/".length());
        }
        if (command != null) {
            switch (command) {
                case "allow", "report", "ping", "stats" -> {
                    if (!policy.authorised(r)) {
                        throw new BadRequest(401, "the policy secret is missing or wrong");
                    }
                    return switch (command) {
                        case "allow" -> policy.allow(post(r));
                        case "report" -> policy.report(post(r));
                        case "ping" -> policy.ping();
                        default -> policy.stats();
                    };
                }
                default -> {
                    final String cmd = command;
                    boolean bySecret = policy.presentedSecret(r);
                    Request checked = cmd.startsWith("get") ? r : post(r);
                    async(ctx, keepAlive, () -> wforce.handle(cmd, checked, bySecret ? "wforce" : admin.authenticate(
                            new Request("POST", r.path(), r.query(), r.authorization(), r.apiKey(), r.body()))));
                    return null;
                }
            }
        }
        switch (path) {
            case "/api/v1/login/decide" -> {
                if (!policy.authorised(r)) throw new BadRequest(401, "the policy secret is missing or wrong");
                return policy.decideGeneric(post(r));
            }
            case "/api/v1/login/report" -> {
                if (!policy.authorised(r)) throw new BadRequest(401, "the policy secret is missing or wrong");
                return policy.report(post(r));
            }
            case "/healthz" -> {
                return Reply.raw(200, "{\"status\":\"ok\"}");
            }
            case "/readyz" -> {
                String why = readiness.notReady();
                return why == null ? Reply.raw(200, "{\"status\":\"ready\"}")
                        : Reply.json(503, Json.object().put("status", "not ready").put("reason", why));
            }
            case "/api/passwords/check" -> {
                // a self-service password page may use the policy secret; otherwise any admin-API token
                boolean bySecret = policy.presentedSecret(r);
                async(ctx, keepAlive, () -> {
                    if (!bySecret) {
                        admin.authenticate(new Request("GET", r.path(), r.query(), r.authorization(), null, null));
                    }
                    return passwords.check(r);
                });
                return null;
            }
            case "/metrics" -> {
                async(ctx, keepAlive, () -> Reply.text(metrics.scrape()));
                return null;
            }
            default -> {
                if (path.startsWith("/api/")) {
                    async(ctx, keepAlive, () -> admin.handle(r));
                    return null;
                }
                throw new BadRequest(404, "no such endpoint: " + Untrusted.text(path));
            }
        }
    }

    private static Request post(Request r) {
        if (!r.method().equals("POST")) {
            throw new BadRequest(405, "use POST with a JSON body");
        }
        return r;
    }

    private void async(ChannelHandlerContext ctx, boolean keepAlive, java.util.function.Supplier<Reply> work) {
        try {
            adminThread.execute(() -> {
                Reply reply;
                try {
                    reply = work.get();
                } catch (BadRequest e) {
                    metrics.badRequests.incrementAndGet();
                    reply = Reply.error(e.status, e.getMessage());
                } catch (RuntimeException e) {
                    log.error("unexpected error in an admin request", e);
                    reply = Reply.error(500, "internal error: " + Untrusted.text(String.valueOf(e.getMessage())));
                }
                Reply done = reply;
                ctx.executor().execute(() -> write(ctx, done, keepAlive));
            });
        } catch (RejectedExecutionException e) {
            write(ctx, Reply.error(503, "the admin thread is busy or shutting down; try again"), false);
        }
    }

    static void write(ChannelHandlerContext ctx, Reply reply, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res, ctx.voidPromise());
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error: {}", cause.toString());
        ctx.close();
    }
}
