package io.videoserver.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.store.StoreKind;

import org.springframework.util.unit.DataSize;

/**
 * The stream-service's defaults with the local store in a given directory, for tests that
 * build their objects without a Spring context.
 */
public final class TestStreamProperties {

	private TestStreamProperties() {
	}

	public static StreamProperties local(Path dir) {
		return new StreamProperties(dir,
				new StreamProperties.Upload(DataSize.ofGigabytes(1), Duration.ofMinutes(15), DataSize.ofGigabytes(10),
						Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofMinutes(5)),
				new StreamProperties.Stream(200, false), new StreamProperties.RateLimit(0, 1),
				new StreamProperties.Cors(List.of("http://localhost:8000")), StoreKind.LOCAL,
				new StreamProperties.S3("", DataSize.ofMegabytes(16), false, Duration.ofMinutes(5)),
				new StreamProperties.Poster(Duration.ofSeconds(10), 1, 4, 4096L * 2304), MediaSettings.bundled(),
				new StreamProperties.View(Duration.ofHours(6), Duration.ofSeconds(5), 100_000, ""));
	}

}
