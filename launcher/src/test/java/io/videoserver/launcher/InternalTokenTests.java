package io.videoserver.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InternalTokenTests {

	@TempDir
	Path dataDir;

	@Test
	void tokenIsGeneratedOnceAndKeptAcrossRestarts() throws Exception {
		String first = InternalToken.load(this.dataDir);
		String second = InternalToken.load(this.dataDir);
		assertThat(first).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second);
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(this.dataDir.resolve(InternalToken.FILE_NAME))))
			.isEqualTo("rw-------");
	}

	@Test
	void anEmptyTokenFileIsReplaced() throws Exception {
		Files.writeString(this.dataDir.resolve(InternalToken.FILE_NAME), "\n");
		assertThat(InternalToken.load(this.dataDir)).isNotBlank();
	}

}
