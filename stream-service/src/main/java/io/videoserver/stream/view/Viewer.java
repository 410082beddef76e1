package io.videoserver.stream.view;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * Who watched, as the 16 bytes stored in {@code video_view.viewer}: the first half of a
 * SHA-256 of the deployment's salt and either the session's user or the client's address
 * and User-Agent. Two longs rather than an array, so that it is a value with equality.
 *
 * @param high the first 8 bytes
 * @param low the next 8 bytes
 */
public record Viewer(long high, long low) {

	/**
	 * A signed-in viewer: the same on every device and replica.
	 * @param salt the deployment's salt, empty for none
	 * @param user the login name of the request's live session
	 */
	public static Viewer user(String salt, String user) {
		return hash(salt, "user", user);
	}

	/**
	 * A viewer without a session: the address and the User-Agent go into the hash and
	 * nowhere else, so the table never holds an address.
	 * @param salt the deployment's salt, empty for none
	 * @param address the client's address (the proxy's forwarded one when it is trusted)
	 * @param userAgent the User-Agent header, null when absent
	 */
	public static Viewer client(String salt, String address, @Nullable String userAgent) {
		return hash(salt, "client", address + "\n" + ((userAgent != null) ? userAgent : ""));
	}

	/**
	 * The salt is length-prefixed and the kind named, so that no salt, user name or
	 * header can be chosen to collide with another kind's input.
	 */
	private static Viewer hash(String salt, String kind, String value) {
		MessageDigest sha256 = sha256();
		byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
		sha256.update(ByteBuffer.allocate(4).putInt(saltBytes.length).array());
		sha256.update(saltBytes);
		sha256.update((kind + "\n" + value).getBytes(StandardCharsets.UTF_8));
		ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
		return new Viewer(digest.getLong(), digest.getLong());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The 16 bytes of {@code video_view.viewer}. */
	byte[] bytes() {
		return ByteBuffer.allocate(16).putLong(this.high).putLong(this.low).array();
	}

}
