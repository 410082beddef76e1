package io.videoserver.shared.transcode;

import java.util.Map;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabaseServer;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The transcoding queue's entry on a real database: a new upload queues its video, a
 * newer one queues it afresh with the next generation, a deleted video takes its row with
 * it.
 */
class TranscodeRequestsTests {

	private static JdbcClient jdbc;

	private final TranscodeRequests requests = new TranscodeRequests(jdbc);

	private final VideoId vid = new VideoId(VideoIds.newId());

	@BeforeAll
	static void migrate() {
		jdbc = JdbcClient.create(TestDatabaseServer.shared().createMigratedDatabase().dataSource());
	}

	@Test
	void uploadedVideoIsQueuedDueNowAtTheFirstGeneration() {
		video();
		assertThat(this.requests.enqueue(this.vid, Source.UPLOAD)).isTrue();
		assertThat(row()).containsEntry("generation", 1)
			.containsEntry("source", "upload")
			.containsEntry("state", "queued")
			.containsEntry("due", "now");
	}

	@Test
	void videoThatDoesNotExistIsNotQueued() {
		assertThat(this.requests.enqueue(this.vid, Source.VIDEO)).isFalse();
		assertThat(count()).isZero();
	}

	@Test
	void newerUploadQueuesAfreshWithTheNextGenerationAndKeepsTheLadderAndTheLease() {
		video();
		this.requests.enqueue(this.vid, Source.UPLOAD);
		jdbc.sql("""
				UPDATE video_transcode SET state = 'failed', progress = 40, attempts = 5, parked = TRUE,
				last_error = 'ffmpeg said no', hls_version = 'abc', lease_owner = 'replica-a',
				lease_until = NOW(3) + INTERVAL 5 MINUTE, next_attempt_at = NOW(3) + INTERVAL 1 HOUR
				WHERE video_id = :id""").param("id", this.vid.value()).update();
		assertThat(this.requests.enqueue(this.vid, Source.VIDEO)).isTrue();
		assertThat(row()).containsEntry("generation", 2)
			.containsEntry("source", "video")
			.containsEntry("state", "queued")
			.containsEntry("progress", 0)
			.containsEntry("attempts", 0)
			.containsEntry("parked", false)
			.containsEntry("last_error", null)
			.containsEntry("hls_version", "abc")
			.containsEntry("lease_owner", "replica-a")
			.containsEntry("due", "now");
	}

	@Test
	void deletedVideoTakesItsRowWithIt() {
		video();
		this.requests.enqueue(this.vid, Source.VIDEO);
		jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", this.vid.value()).update();
		assertThat(count()).isZero();
	}

	@Test
	void sourceReadsBackOnlyWhatItWrites() {
		for (Source source : Source.values()) {
			assertThat(Source.of(source.column())).isSameAs(source);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Source.of("VIDEO"));
	}

	private void video() {
		jdbc.sql("INSERT INTO video_info (id, author_id, name) VALUES (:id, 1, 'clip')")
			.param("id", this.vid.value())
			.update();
	}

	private int count() {
		return jdbc.sql("SELECT COUNT(*) FROM video_transcode WHERE video_id = :id")
			.param("id", this.vid.value())
			.query(Integer.class)
			.single();
	}

	private Map<String, Object> row() {
		return jdbc.sql("""
				SELECT generation, source, state, progress, attempts, parked, last_error, hls_version, lease_owner,
				IF(next_attempt_at <= NOW(3), 'now', 'later') AS due
				FROM video_transcode WHERE video_id = :id""").param("id", this.vid.value()).query().singleRow();
	}

}
