package io.videoserver.stream.tus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The tus checksum extension's {@code Upload-Checksum: <algorithm> <base64 digest>} of
 * one PATCH body, checked before the chunk counts.
 */
final class UploadChecksum {

	/** The tus names of the algorithms, and what the JDK calls them. */
	static final Map<String, String> ALGORITHMS = Map.of("sha1", "SHA-1", "md5", "MD5", "sha256", "SHA-256", "sha512",
			"SHA-512");

	/** In the order that {@code Tus-Checksum-Algorithm} announces them. */
	static final String ANNOUNCED = "sha1,md5,sha256,sha512";

	private final MessageDigest digest;

	private final byte[] expected;

	private UploadChecksum(MessageDigest digest, byte[] expected) {
		this.digest = digest;
		this.expected = expected;
	}

	/**
	 * @param header the request's {@code Upload-Checksum}, may be absent
	 * @return null without the header
	 * @throws ApiException 400/001 for an unknown algorithm or a malformed digest
	 */
	static @Nullable UploadChecksum parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String[] parts = header.trim().split(" ", 2);
		String algorithm = ALGORITHMS.get(parts[0]);
		if (algorithm == null || parts.length != 2) {
			throw new ApiException(ErrorCode.BAD_REQUEST,
					"Upload-Checksum must be one of " + ANNOUNCED + " and a base64 digest");
		}
		try {
			return new UploadChecksum(MessageDigest.getInstance(algorithm), Base64.getDecoder().decode(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "The digest of Upload-Checksum is not base64");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK lacks " + algorithm, ex);
		}
	}

	void update(byte[] bytes, int offset, int length) {
		this.digest.update(bytes, offset, length);
	}

	boolean matches() {
		return MessageDigest.isEqual(this.digest.digest(), this.expected);
	}

}
