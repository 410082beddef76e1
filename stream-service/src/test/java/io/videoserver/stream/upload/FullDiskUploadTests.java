package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full disk under the video directory of the local store, which is also the staging
 * directory and holds the tus uploads: the scenario of {@link FullDiskTest}.
 */
class FullDiskUploadTests extends FullDiskTest {

	private static final SmallDisk DISK = SmallDisk.mount("full-disk");

	@DynamicPropertySource
	static void smallDisk(DynamicPropertyRegistry registry) {
		registry.add("video.dir", () -> DISK.dir().toString());
	}

	@AfterAll
	static void unmount() throws Exception {
		DISK.unmount();
	}

	@Override
	protected SmallDisk disk() {
		return DISK;
	}

	@Override
	protected byte[] storedFile(String vid) throws IOException {
		return Files.readAllBytes(DISK.dir().resolve(vid));
	}

}
