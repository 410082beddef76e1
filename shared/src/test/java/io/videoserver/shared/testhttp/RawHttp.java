package io.videoserver.shared.testhttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Speaks HTTP/1.1 over a plain socket, for what a well-behaved client library refuses to
 * send (raw traversal paths) or to do (break off in the middle of a transfer).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request with {@code Connection: close} and reads the whole answer.
	 * @param port the server's port
	 * @param method the method
	 * @param target the request target, sent exactly as given
	 * @return the status code and the full answer as ISO-8859-1 text
	 * @throws IOException when the connection fails
	 */
	public static Response exchange(int port, String method, String target) throws IOException {
		return exchange(port, method, target, "", "");
	}

	/**
	 * Sends a request with extra header lines and a body, with {@code Connection: close}.
	 * @param port the server's port
	 * @param method the method
	 * @param target the request target, sent exactly as given
	 * @param headers header lines, each ending in CRLF, or empty
	 * @param body the body (its Content-Length is added when not empty)
	 * @return the status code and the full answer as ISO-8859-1 text
	 * @throws IOException when the connection fails
	 */
	public static Response exchange(int port, String method, String target, String headers, String body)
			throws IOException {
		try (Socket socket = open(port)) {
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			String length = (content.length > 0) ? "Content-Length: " + content.length + "\r\n" : "";
			String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
					+ length + "\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(content);
			String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
			return new Response(status, text);
		}
	}

	public static Socket open(int port) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(20_000);
		return socket;
	}

	/** Reads the status line and headers of an answer, leaving the body unread. */
	public static String readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.append((char) b);
		}
		return head.toString();
	}

	/**
	 * Resets the connection instead of closing it politely, as a crashed client would.
	 */
	public static void abort(Socket socket) throws IOException {
		socket.setSoLinger(true, 0);
		socket.close();
	}

	/**
	 * An answer.
	 *
	 * @param status the status code, -1 when none came
	 * @param text the status line, headers and body
	 */
	public record Response(int status, String text) {
	}

}
