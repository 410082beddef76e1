package io.videoserver.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testservice.AbstractServiceIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a real database: a video deleted the way the api-service deletes
 * it loses its files within a few intervals, with metrics and health to show for it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "video.scheduler.interval=200ms")
@AutoConfigureTestRestTemplate
@Import(TestDatabase.class)
class SchedulerApplicationIntegrationTests extends AbstractServiceIntegrationTests {

	private static final Path VIDEO_DIR = createVideoDir();

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void videoDir(DynamicPropertyRegistry registry) {
		registry.add("video.dir", VIDEO_DIR::toString);
	}

	@Test
	void videoDeletedByTheApiServiceLosesItsFilesWithinAFewIntervals() throws IOException {
		String id = VideoIds.newId();
		this.jdbc.sql("INSERT INTO video_info (id, author_id, name) VALUES (:id, 1, 'cat')").param("id", id).update();
		Path video = Files.writeString(VIDEO_DIR.resolve(id), "mp4");
		Path part = Files.writeString(VIDEO_DIR.resolve(id + ".9f8e.part"), "half");
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", id).update();
			this.jdbc.sql("INSERT INTO video_del_rec (video_id) VALUES (:id)").param("id", id).update();
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(video) && Files.notExists(part));
		await().atMost(Duration.ofSeconds(10)).until(() -> queued(id) == 0);
		assertThat(this.meters.get("video.deletion.deleted").counter().count()).isPositive();
		assertThat(this.meters.get("video.deletion.round").timer().count()).isPositive();
	}

	@Test
	void everyDeletionMeterIsRegistered() {
		assertThat(this.meters.get("video.deletion.failed").counter()).isNotNull();
		assertThat(this.meters.get("video.deletion.parked").counter()).isNotNull();
		assertThat(this.meters.get("video.deletion.queue").tag("state", "waiting").gauge().value()).isNotNegative();
		assertThat(this.meters.get("video.deletion.queue").tag("state", "parked").gauge().value()).isZero();
	}

	@Test
	void healthIsUpWithTheDatabaseAndTheVideoDirectory() {
		ResponseEntity<String> response = this.rest.getForEntity(management("/actuator/health"), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("\"status\":\"UP\"");
	}

	@Test
	void theConsistencyCheckAnswersOnTheManagementPortOnly() {
		ResponseEntity<String> report = this.rest.getForEntity(management("/actuator/consistency"), String.class);
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(report.getBody()).contains("\"findings\":[").contains("\"checkedAt\"");
	}

	@Test
	void prometheusShowsTheQueue() {
		assertThat(this.rest.getForEntity(management("/actuator/prometheus"), String.class).getBody())
			.contains("video_deletion_queue");
	}

	private int queued(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private static Path createVideoDir() {
		try {
			Path dir = Files.createTempDirectory("scheduler-videos");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
