package io.videoserver.scheduler.transcode;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.videoserver.scheduler.TestQueue;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import io.videoserver.shared.transcode.TranscodeRequests;
import io.videoserver.shared.transcode.TranscodeRequests.Source;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A fresh, migrated database for the transcoder's tests: videos queued as the
 * stream-service queues them, and their rows read back.
 */
final class TranscodeFixture implements AutoCloseable {

	final TestDatabaseHandle database = TestQueue.migratedDatabase();

	final HikariDataSource pool = TestQueue.pool(this.database, 8);

	final JdbcClient jdbc = JdbcClient.create(this.pool);

	final JdbcTransactionManager transactions = new JdbcTransactionManager(this.pool);

	TranscodeQueue queue(String owner) {
		return new TranscodeQueue(this.jdbc, this.transactions, owner);
	}

	/** A new video, queued for transcoding from the given source. */
	VideoId queued(Source source) {
		VideoId vid = new VideoId(VideoIds.newId());
		this.jdbc.sql("INSERT INTO video_info (id, name, file_size) VALUES (:id, 'test', 1)")
			.param("id", vid.value())
			.update();
		requeue(vid, source);
		return vid;
	}

	/** Queues the video afresh, as a new upload does (the next generation). */
	void requeue(VideoId vid, Source source) {
		new TranscodeRequests(this.jdbc).enqueue(vid, source);
	}

	Map<String, Object> row(VideoId vid) {
		return this.jdbc.sql("""
				SELECT generation, state, progress, attempts, parked, last_error, hls_version, renditions, lease_owner,
				       next_attempt_at > NOW(3) AS backing_off
				FROM video_transcode WHERE video_id = :id
				""").param("id", vid.value()).query().singleRow();
	}

	Map<String, Object> info(VideoId vid) {
		return this.jdbc.sql("SELECT duration_ms, width, height, codec FROM video_info WHERE id = :id")
			.param("id", vid.value())
			.query()
			.singleRow();
	}

	long posters(VideoId vid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_poster WHERE video_id = :id")
			.param("id", vid.value())
			.query(Long.class)
			.single();
	}

	void deleteVideo(VideoId vid) {
		this.jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", vid.value()).update();
	}

	/** Lets every lease lapse, as time would. */
	void lapseLeases() {
		this.jdbc
			.sql("UPDATE video_transcode SET lease_until = NOW(3) - INTERVAL 1 SECOND WHERE lease_until IS NOT NULL")
			.update();
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
