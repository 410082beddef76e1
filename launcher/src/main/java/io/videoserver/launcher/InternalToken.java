package io.videoserver.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that api-service and scheduler-service share, generated on the first run and
 * kept (readable by its owner only) so that a restart does not change it.
 */
final class InternalToken {

	static final String FILE_NAME = "internal-token";

	private InternalToken() {
	}

	static String load(Path dataDir) throws IOException {
		Path file = dataDir.resolve(FILE_NAME);
		if (Files.isRegularFile(file)) {
			String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
			if (!token.isEmpty()) {
				return token;
			}
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.createDirectories(dataDir);
		Files.deleteIfExists(file);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
		return token;
	}

}
