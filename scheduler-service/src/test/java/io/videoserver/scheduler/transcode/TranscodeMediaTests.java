package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.media.MediaProbe;
import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.media.MediaTools;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.tests3.TestS3;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The transcoder end to end on real media with the bundled ffmpeg: an upload of H.264 and
 * AAC in Matroska becomes a ladder, the playable MP4, a poster and its media info, in the
 * video directory and in the bucket.
 */
class TranscodeMediaTests {

	private static final String PREFIX = "videos/";

	@TempDir
	static Path samples;

	@TempDir
	Path dir;

	@TempDir
	Path work;

	private final TranscodeFixture db = new TranscodeFixture();

	private final MediaProbe probe = new MediaProbe(MediaTools.of(MediaSettings.bundled()), Duration.ofSeconds(30));

	private TestTranscoder transcoder;

	@AfterEach
	void close() throws IOException {
		if (this.transcoder != null) {
			this.transcoder.close();
		}
		this.db.close();
		assertThat(TranscoderTests.list(this.work)).isEmpty();
	}

	@Test
	void mkvUploadInTheVideoDirectory() throws Exception {
		VideoId vid = this.db.queued(Source.UPLOAD);
		Files.copy(mkv(), this.dir.resolve(VideoLayout.source(vid)));
		start(new LocalTranscodeStore(this.dir));
		String version = awaitReady(vid);
		Path ladder = this.dir.resolve(VideoLayout.hlsVersion(vid, version));
		assertThat(TranscoderTests.list(ladder)).contains("master.m3u8", "r240.m3u8", "r240-init.mp4",
				"r240-00000.m4s");
		assertThat(Files.readString(ladder.resolve("master.m3u8"))).contains("r240.m3u8", "RESOLUTION=");
		assertPlayable(this.dir.resolve(vid.value()));
		assertThat(this.dir.resolve(VideoLayout.source(vid))).doesNotExist();
		assertRecorded(vid);
	}

	@Test
	void mkvUploadInTheBucket() throws Exception {
		TestS3 s3 = TestS3.get();
		String bucket = s3.createBucket();
		VideoId vid = this.db.queued(Source.UPLOAD);
		try (S3Client client = s3.client()) {
			client.putObject((request) -> request.bucket(bucket).key(PREFIX + VideoLayout.source(vid)),
					RequestBody.fromFile(mkv()));
		}
		S3TranscodeStore store = S3TranscodeStore.of(new S3Settings(s3.endpoint().toString(), TestS3.REGION, bucket,
				PREFIX, true, TestS3.ACCESS_KEY, TestS3.SECRET_KEY), 1);
		try (store) {
			start(store);
			String version = awaitReady(vid);
			try (S3Client client = s3.client()) {
				String ladder = PREFIX + VideoLayout.hlsVersion(vid, version) + "/";
				assertThat(head(client, bucket, ladder + "master.m3u8").contentType())
					.isEqualTo("application/vnd.apple.mpegurl");
				assertThat(head(client, bucket, ladder + "r240-init.mp4").contentType()).isEqualTo("video/mp4");
				assertThat(head(client, bucket, ladder + "r240-00000.m4s").contentType())
					.isEqualTo("video/iso.segment");
				assertThat(head(client, bucket, PREFIX + vid).contentType()).isEqualTo("video/mp4");
				Path mp4 = this.dir.resolve("downloaded.mp4");
				client.getObject((request) -> request.bucket(bucket).key(PREFIX + vid), mp4);
				assertPlayable(mp4);
				assertThatExceptionOfType(S3Exception.class)
					.isThrownBy(() -> head(client, bucket, PREFIX + VideoLayout.source(vid)));
			}
		}
		assertRecorded(vid);
	}

	private void start(TranscodeStore store) {
		this.transcoder = TestTranscoder
			.withFfmpeg(this.db, "media", store, TestTranscoder.settings(this.work, 1, Duration.ofSeconds(30), 1))
			.start();
	}

	private String awaitReady(VideoId vid) {
		await().atMost(90, TimeUnit.SECONDS)
			.until(() -> !"running".equals(this.db.row(vid).get("state"))
					&& !"queued".equals(this.db.row(vid).get("state")));
		assertThat(this.db.row(vid)).containsEntry("last_error", null)
			.containsEntry("state", "ready")
			.containsEntry("progress", 100)
			.containsEntry("renditions", "240");
		return (String) this.db.row(vid).get("hls_version");
	}

	private void assertPlayable(Path mp4) throws Exception {
		MediaInfo info = this.probe.probe(mp4);
		assertThat(info.browserPlayable()).isTrue();
		assertThat(info.audioCodec()).isEqualTo("aac");
	}

	private void assertRecorded(VideoId vid) {
		assertThat(this.db.info(vid)).containsEntry("width", 320)
			.containsEntry("height", 240)
			.containsEntry("codec", "avc1")
			.hasEntrySatisfying("duration_ms", (ms) -> assertThat((Long) ms).isBetween(1500L, 2500L));
		assertThat(this.db.posters(vid)).isEqualTo(1);
	}

	private static Path mkv() {
		return TestMedia.create(samples, TestMedia.Sample.H264_AAC_MKV);
	}

	private static HeadObjectResponse head(S3Client client, String bucket, String key) {
		return client.headObject((request) -> request.bucket(bucket).key(key));
	}

}
