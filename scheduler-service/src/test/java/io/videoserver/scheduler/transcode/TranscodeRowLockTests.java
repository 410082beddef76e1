package io.videoserver.scheduler.transcode;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.testfault.FaultProxy;
import io.videoserver.shared.testfault.FaultProxy.Fault;
import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.tests3.TestS3;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transcoder publishes the MP4 made from an upload to a slow bucket (a
 * {@link FaultProxy} adding 300 ms to every chunk) without holding the job's row locked:
 * an upload's enqueue, which updates that row under {@code innodb_lock_wait_timeout} 3 s,
 * would otherwise fail while the PUT runs. A probe locks the row every 100 ms with a 1 s
 * lock wait for as long as the job runs; none may time out.
 */
class TranscodeRowLockTests {

	@TempDir
	static java.nio.file.Path samples;

	@TempDir
	java.nio.file.Path work;

	private final TranscodeFixture db = new TranscodeFixture();

	private final FaultProxy proxy = new FaultProxy(TestS3.get().endpoint());

	private TestTranscoder transcoder;

	@AfterEach
	void close() throws Exception {
		if (this.transcoder != null) {
			this.transcoder.close();
		}
		this.proxy.close();
		this.db.close();
	}

	@Test
	void theRowIsNotLockedWhileTheMp4IsPut() throws Exception {
		TestS3 s3 = TestS3.get();
		String bucket = s3.createBucket();
		VideoId vid = this.db.queued(Source.UPLOAD);
		try (S3Client client = s3.client()) {
			client.putObject((request) -> request.bucket(bucket).key(VideoLayout.source(vid)),
					RequestBody.fromFile(TestMedia.create(samples, TestMedia.Sample.H264_AAC_MKV)));
		}
		S3TranscodeStore store = S3TranscodeStore.of(new S3Settings(this.proxy.endpoint().toString(), TestS3.REGION,
				bucket, "", true, TestS3.ACCESS_KEY, TestS3.SECRET_KEY), 1);
		AtomicInteger timedOut = new AtomicInteger();
		AtomicLong longestWait = new AtomicLong();
		try (store; Connection probe = this.db.pool.getConnection()) {
			try (Statement statement = probe.createStatement()) {
				statement.execute("SET SESSION innodb_lock_wait_timeout = 1");
			}
			this.proxy.set(Fault.latency(Duration.ofMillis(300)));
			this.transcoder = TestTranscoder
				.withFfmpeg(this.db, "lock", store, TestTranscoder.settings(this.work, 1, Duration.ofSeconds(30), 1))
				.start();
			while (!"ready".equals(this.db.row(vid).get("state")) && !"failed".equals(this.db.row(vid).get("state"))) {
				long started = System.nanoTime();
				if (!lockRow(probe, vid)) {
					timedOut.incrementAndGet();
				}
				longestWait.accumulateAndGet(System.nanoTime() - started, Math::max);
				Thread.sleep(100);
			}
		}
		await().atMost(5, TimeUnit.SECONDS).until(() -> "ready".equals(this.db.row(vid).get("state")));
		System.out.printf(
				"Transcoder on a slow bucket: longest wait for the job's row %d ms, %d lock waits timed out%n",
				longestWait.get() / 1_000_000, timedOut.get());
		assertThat(timedOut.get()).as("lock waits of 1 s that timed out while the job ran").isZero();
	}

	/** Locks the job's row as an upload's enqueue does; false when the wait timed out. */
	private static boolean lockRow(Connection connection, VideoId vid) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement
				.executeQuery(
						"SELECT generation FROM video_transcode WHERE video_id = '" + vid.value() + "' FOR UPDATE")
				.close();
			return true;
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() == 1205) { // ER_LOCK_WAIT_TIMEOUT
				return false;
			}
			throw ex;
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

}
