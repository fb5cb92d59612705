package dev.portcullis.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Each accepted connection's pipeline: HTTP/1.1 codec (4 KiB initial line, 16 KiB headers and
 * chunks), an aggregator bounded by {@code server.max_body_bytes}, then the shared {@link HttpHandler}.
 * Connections are tracked so that stopping closes keep-alive clients (Dovecot) explicitly.
 */
final class GateInitializer extends ChannelInitializer<SocketChannel> {
    private final ChannelGroup connections;
    private final HttpHandler handler;
    private final int maxBodyBytes;

    GateInitializer(ChannelGroup connections, HttpHandler handler, int maxBodyBytes) {
        this.connections = connections;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch);
        ch.pipeline().addLast(new HttpServerCodec(4096, 16 * 1024, 16 * 1024))
                .addLast(new JsonAggregator(maxBodyBytes))
                .addLast(handler);
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
