package io.videoserver.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The range benchmark's third reference: a bare file server on Netty's native epoll
 * transport, which answers each request on the event loop that read it (as nginx's
 * workers do) and sends the file with {@code sendfile(2)}. It has no limiter, no checks
 * and no logging, so it shows what the JVM reaches without a servlet container's hand-off
 * from its poller to a request thread: the ceiling for a service written on it.
 * Understands {@code GET /videos/NAME} with no range or one {@code bytes=FIRST-LAST}.
 *
 * <pre>java -cp CLASSPATH io.videoserver.bench.NettyFileServer ADDRESS:PORT DIRECTORY</pre>
 */
public final class NettyFileServer {

	private NettyFileServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: NettyFileServer ADDRESS:PORT DIRECTORY");
		}
		String[] address = args[0].split(":");
		Path directory = Path.of(args[1]);
		var loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
				EpollIoHandler.newFactory());
		new ServerBootstrap().group(loops)
			.channel(EpollServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline().addLast(new HttpServerCodec(), new FileHandler(directory));
				}
			})
			.bind(address[0], Integer.parseInt(address[1]))
			.sync()
			.channel()
			.closeFuture()
			.sync();
	}

	private static final class FileHandler extends SimpleChannelInboundHandler<HttpRequest> {

		private final Path directory;

		FileHandler(Path directory) {
			this.directory = directory;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, HttpRequest request) throws IOException {
			String name = request.uri().startsWith("/videos/") ? request.uri().substring("/videos/".length()) : "";
			Path file = this.directory.resolve(name);
			if (name.isEmpty() || name.contains("/") || name.contains("..") || !Files.isRegularFile(file)) {
				var missing = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
				missing.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
				context.writeAndFlush(missing);
				return;
			}
			var open = new RandomAccessFile(file.toFile(), "r");
			long size = open.length();
			long first = 0;
			long last = size - 1;
			var response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
			String range = request.headers().get(HttpHeaderNames.RANGE);
			if (range != null && range.startsWith("bytes=") && range.indexOf('-') > "bytes=".length()) {
				int dash = range.indexOf('-');
				first = Long.parseLong(range.substring("bytes=".length(), dash));
				if (dash + 1 < range.length()) {
					last = Math.min(last, Long.parseLong(range.substring(dash + 1)));
				}
				response.setStatus(HttpResponseStatus.PARTIAL_CONTENT);
				response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + size);
			}
			response.headers()
				.set(HttpHeaderNames.CONTENT_LENGTH, last - first + 1)
				.set(HttpHeaderNames.CONTENT_TYPE, "video/mp4")
				.set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
			context.write(response);
			context.write(new DefaultFileRegion(open.getChannel(), first, last - first + 1));
			context.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
		}

		/** A client that hangs up mid-file (wrk at the end of a round) is not news. */
		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable failure) {
			context.close();
		}

	}

}
