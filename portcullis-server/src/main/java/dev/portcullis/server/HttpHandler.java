package dev.portcullis.server;

import dev.portcullis.core.Untrusted;
import dev.portcullis.respond.RecordJson;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests through the route table ({@link Routes}): finds the row (404, or 405 with an
 * {@code Allow} header, straight from the table), then on the row's lane authenticates the caller
 * once ({@link Auth}) and runs the handler. Loop rows (the policy hot path, health) are answered
 * inline on the event loop; admin rows (anything that reads a token or the store, or takes long) go
 * to the admin thread, and their answer comes back to the loop. Every refusal is a 4xx with a JSON
 * reason; an unexpected exception is logged and answered 500 without detail.
 */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpHandler.class);

    private final Router routes;
    private final Auth auth;
    private final ExecutorService adminThread;
    private final Metrics metrics;
    private final ServerConfig config;

    HttpHandler(Router routes, Auth auth, ExecutorService adminThread, Metrics metrics, ServerConfig config) {
        this.routes = routes;
        this.auth = auth;
        this.adminThread = adminThread;
        this.metrics = metrics;
        this.config = config;
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
            Router.Found found = find(r);
            if (found.route().lane() == Route.Lane.ADMIN) {
                async(ctx, keepAlive, () -> run(found, r));
                return;
            }
            reply = run(found, r);
        } catch (BadRequest e) {
            metrics.badRequests.incrementAndGet();
            reply = e.reply();
        } catch (RuntimeException e) {
            log.error("unexpected error on {} {}", r.method(), Untrusted.text(r.path()), e);
            reply = Reply.error(500, "internal error");
        }
        write(ctx, reply, keepAlive);
        metrics.recordNanos(System.nanoTime() - t0);
    }

    /** The request's row, or a 404 / 405 (with the methods the path allows). */
    private Router.Found find(Request r) {
        String path = Routes.path(r);
        Router.Match m = routes.find(r.method(), path);
        if (m instanceof Router.Found f) {
            return f;
        }
        if (m instanceof Router.NotAllowed n) {
            String allow = String.join(", ", n.allow());
            throw new BadRequest(405, "method " + Untrusted.text(r.method()) + " is not allowed here (use " + allow + ")",
                    allow);
        }
        throw new BadRequest(404, Routes.notFound(path));
    }

    /** The one authentication of a request, then its handler. */
    private Reply run(Router.Found found, Request r) {
        Route route = found.route();
        String caller = auth.caller(route.access(), r);
        return route.handler().handle(new Route.Call(r, caller, found.params()));
    }

    private void async(ChannelHandlerContext ctx, boolean keepAlive, Supplier<Reply> work) {
        try {
            adminThread.execute(() -> {
                Reply reply;
                try {
                    reply = work.get();
                } catch (BadRequest e) {
                    metrics.badRequests.incrementAndGet();
                    reply = e.reply();
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
        reply.headers().forEach(res.headers()::set);
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
