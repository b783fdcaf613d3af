package nl.programmes.platform.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's HTTP load: a few Netty event-loop threads drive every connection, so the load costs the
 * machine little and adds little latency of its own. The JDK's HttpClient with a thread per reader, used
 * before, added more than the services took: with 200 readers it spent most of a core and the reported
 * latency was mostly its own hand-offs (10 ms per request for one reader, where wrk measured 1.4 ms).
 * Each connection keeps HTTP/1.1 alive and may pipeline; answers come back in order, so a FIFO of pending
 * requests per connection pairs them up.
 */
final class HttpLoad implements AutoCloseable {

    private final EventLoopGroup group;
    private final String host;
    private final int port;

    HttpLoad(String host, int port, int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.host = host;
        this.port = port;
    }

    /** Opens a kept-alive connection; requests sent on it are answered in order. */
    Connection connect() throws InterruptedException {
        Connection connection = new Connection();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(16 * 1024 * 1024), connection);
                    }
                }).connect(host, port).sync().channel();
        connection.channel = channel;
        return connection;
    }

    /** Opens {@code count} connections. */
    List<Connection> connect(int count) throws InterruptedException {
        List<Connection> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            connections.add(connect());
        }
        return connections;
    }

    FullHttpRequest get(String path, String token) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        return headers(request, token);
    }

    FullHttpRequest postJson(String path, String token, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return headers(request, token);
    }

    private FullHttpRequest headers(FullHttpRequest request, String token) {
        request.headers().set(HttpHeaderNames.HOST, host + ":" + port).set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        if (!request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        }
        return request;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One kept-alive connection. The answer's status completes the future; the body is read and dropped. */
    static final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final ArrayDeque<CompletableFuture<Integer>> pending = new ArrayDeque<>();
        private Channel channel;

        EventLoop eventLoop() {
            return channel.eventLoop();
        }

        /** Runs {@code task} on this connection's event loop after {@code delayNanos} (at once when not positive). */
        void at(long delayNanos, Runnable task) {
            if (delayNanos <= 0) {
                channel.eventLoop().execute(task);
            } else {
                channel.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        CompletableFuture<Integer> send(FullHttpRequest request) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            channel.eventLoop().execute(() -> {
                pending.add(answer);
                channel.writeAndFlush(request);
            });
            return answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            CompletableFuture<Integer> answer = pending.poll();
            if (answer != null) {
                answer.complete(response.status().code());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failAll(new IllegalStateException("Connection closed by the server"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failAll(cause);
            ctx.close();
        }

        private void failAll(Throwable cause) {
            CompletableFuture<Integer> answer;
            while ((answer = pending.poll()) != null) {
                answer.completeExceptionally(cause);
            }
        }
    }
}
