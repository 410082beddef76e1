package io.videoserver.stream.playback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.videoserver.stream.StreamProperties;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Writes a planned 200 or 206 answer: the headers, then the bytes of the file, as one
 * body or as {@code multipart/byteranges} when several ranges were asked, by the cheapest
 * transfer the connection allows.
 */
@Component
class RangeResponder {

	static final String VIDEO_MP4 = "video/mp4";

	private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

	private final boolean sendfile;

	private final Transfers transfers;

	RangeResponder(StreamProperties properties, Transfers transfers) {
		this.sendfile = properties.stream().sendfile();
		this.transfers = transfers;
	}

	static void writeValidators(HttpServletResponse response, Validators validators) {
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.ETAG, validators.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, validators.lastModified());
	}

	void send(VideoFile file, Plan plan, PlaybackExchange exchange) throws IOException {
		HttpServletResponse response = exchange.response();
		long size = file.validators().size();
		if (plan.status() == 206 && plan.multipart()) {
			this.transfers.count((file.channel() != null) ? Transfers.Kind.COPY : Transfers.Kind.STREAM);
			sendMultipart(file, plan.ranges(), response);
			return;
		}
		ByteRange range = (plan.status() == 200) ? new ByteRange(0, size - 1) : plan.ranges().get(0);
		response.setStatus(plan.status());
		response.setContentType(file.contentType());
		response.setContentLengthLong((size == 0) ? 0 : range.length());
		if (plan.status() == 206) {
			response.setHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(size));
		}
		if (!exchange.head() && size > 0) {
			sendBody(file, range, exchange);
		}
	}

	/**
	 * Zero copy in the request thread when the socket is reachable, Tomcat's sendfile
	 * when chosen, else a copy through a direct buffer.
	 */
	private void sendBody(VideoFile file, ByteRange range, PlaybackExchange exchange) throws IOException {
		if (this.sendfile && Sendfile.handOver(exchange.request(), file, range)) {
			this.transfers.count(Transfers.Kind.TOMCAT_SENDFILE);
			return;
		}
		HttpServletResponse response = exchange.response();
		FileChannel channel = file.channel();
		TomcatSocket socket = (channel != null && range.length() >= ZeroCopy.MIN_LENGTH)
				? TomcatSocket.of(exchange.request()) : null;
		if (socket != null) {
			this.transfers.count(Transfers.Kind.ZERO_COPY);
			ZeroCopy.send(channel, range, socket, response);
			return;
		}
		this.transfers.count((channel != null) ? Transfers.Kind.COPY : Transfers.Kind.STREAM);
		response.setBufferSize(FileTransfer.CHUNK);
		copy(file, range, response.getOutputStream());
	}

	/** From the open local file, else from a ranged read of the store. */
	private static void copy(VideoFile file, ByteRange range, ServletOutputStream out) throws IOException {
		FileChannel channel = file.channel();
		if (channel != null) {
			FileTransfer.send(channel, range, out);
			return;
		}
		try (InputStream in = file.source().openRange(range.first(), range.length())) {
			StreamTransfer.send(in, range.length(), out);
		}
	}

	private static void sendMultipart(VideoFile file, List<ByteRange> ranges, HttpServletResponse response)
			throws IOException {
		String boundary = UUID.randomUUID().toString().replace("-", "");
		long size = file.validators().size();
		List<byte[]> heads = new ArrayList<>(ranges.size());
		long length = 0;
		for (int i = 0; i < ranges.size(); i++) {
			String head = ((i == 0) ? "" : "\r\n") + "--" + boundary + "\r\nContent-Type: " + file.contentType()
					+ "\r\nContent-Range: " + ranges.get(i).contentRange(size) + "\r\n\r\n";
			heads.add(head.getBytes(StandardCharsets.US_ASCII));
			length += heads.get(i).length + ranges.get(i).length();
		}
		byte[] tail = ("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII);
		length += tail.length + CRLF.length;
		response.setStatus(206);
		response.setContentType("multipart/byteranges; boundary=" + boundary);
		response.setContentLengthLong(length);
		response.setBufferSize(FileTransfer.CHUNK);
		ServletOutputStream out = response.getOutputStream();
		for (int i = 0; i < ranges.size(); i++) {
			out.write(heads.get(i));
			copy(file, ranges.get(i), out);
		}
		out.write(tail);
		out.write(CRLF);
	}

}
