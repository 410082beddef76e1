package io.videoserver.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multi-replica site on one shared video directory (the ReadWriteMany volume of
 * k8s/), and once in the browser: a person uploads and watches through the front.
 */
class ClusterSiteTests extends ClusterScenarios {

	@Override
	Map<String, String> storeEnvironment() {
		return Map.of();
	}

	@Override
	Set<String> storedIds() throws IOException {
		try (Stream<Path> files = Files.list(this.cluster.videoDir())) {
			return files.filter(Files::isRegularFile)
				.map((file) -> file.getFileName().toString())
				.filter((name) -> !name.startsWith("."))
				.collect(Collectors.toSet());
		}
	}

	@Override
	byte @Nullable [] stored(String vid) throws IOException {
		Path file = this.cluster.videoDir().resolve(vid);
		return Files.exists(file) ? Files.readAllBytes(file) : null;
	}

	@Test
	@Order(9)
	@Tag("browser")
	void aPersonUploadsAndWatchesThroughTheFront() throws Exception {
		Path file = this.work.resolve("Harbour on two replicas.mp4");
		Files.write(file, paddedClip(4 * CHUNK, 8));
		try (Browser browser = Browser.start()) {
			browser.open(this.cluster.url() + "/#/");
			browser.signUp("viewer-" + ProcessHandle.current().pid());
			String vid = browser.uploadAndWatch(file);
			assertSameBytes(stored(vid), Files.readAllBytes(file));
			Map<?, ?> played = browser.play();
			assertThat(played.get("ok")).as("playback: %s", played).isEqualTo(true);
			Map<?, ?> sought = browser.seek(7);
			assertThat(((Number) sought.get("time")).doubleValue()).as("after seeking: %s", sought).isBetween(6.9, 8.0);
			browser.screenshot("cluster-watch");
		}
		assertThat(this.cluster.front().accessLog()).as("the page reached the stream-service on its own host")
			.anySatisfy((r) -> assertThat(r.method() + " " + r.path()).startsWith("POST /stream/tus/videos/"))
			.anySatisfy((r) -> assertThat(r.method() + " " + r.path()).startsWith("PATCH /tus/uploads/"))
			.anySatisfy((r) -> assertThat(r.method() + " " + r.path()).startsWith("GET /stream/videos/"));
	}

}
