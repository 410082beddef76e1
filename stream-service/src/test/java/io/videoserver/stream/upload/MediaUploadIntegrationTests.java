package io.videoserver.stream.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.testmedia.TestMedia.Sample;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads of every accepted container, made by ffmpeg ({@link TestMedia}), over HTTP: an
 * H.264/AAC MP4 plays at once and is queued to get its ladder; anything else is probed,
 * kept as it came ({@code {vid}.source}) and queued to be made playable; what is not a
 * video answers 415/009 with a reason. For S3 in {@link S3MediaUploadIntegrationTests}.
 */
class MediaUploadIntegrationTests extends StreamIntegrationTest {

	/** Kept between runs: the samples take ffmpeg a few seconds to make. */
	private static final Path MEDIA = Path.of("target", "test-media");

	private Owner owner;

	@BeforeEach
	void seed() {
		this.owner = seedOwner("media");
	}

	@Test
	void mkvIsKeptAsItsSourceRecordedAndQueuedAsAnUpload() throws Exception {
		byte[] mkv = sample(Sample.H264_AAC_MKV);
		HttpResponse<String> response = send(put(this.owner.vid(), mkv).build());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.body())
			.isEqualTo("{\"video_id\":\"" + this.owner.vid() + "\",\"size\":" + mkv.length + "}");
		assertThat(storedFile(this.owner.vid() + ".source")).isEqualTo(mkv);
		assertThat(isStored(this.owner.vid())).isFalse();
		assertThat(queued()).containsExactly("upload", "queued");
		assertThat(mediaInfo()).containsExactly((long) mkv.length, 320, 240, "h264");
		assertThat(duration()).isBetween(1900L, 2100L);
		assertThat(partFiles()).isZero();
		assertThat(unfinishedUploads()).isZero();
	}

	@Test
	void h264Mp4PlaysAtOnceAndIsQueuedAsAVideo() throws Exception {
		byte[] mp4 = sample(Sample.H264_AAC_MP4);
		assertThat(send(put(this.owner.vid(), mp4).build()).statusCode()).isEqualTo(201);
		HttpResponse<byte[]> played = this.http.send(HttpRequest.newBuilder(uri("/videos/" + this.owner.vid())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(played.statusCode()).isEqualTo(200);
		assertThat(played.body()).hasSize(mp4.length);
		assertThat(isStored(this.owner.vid() + ".source")).isFalse();
		assertThat(queued()).containsExactly("video", "queued");
		assertThat(mediaInfo()).containsExactly((long) mp4.length, 320, 240, "avc1");
	}

	@Test
	void aPlayableReuploadReplacesAKeptSourceAndRequeuesTheVideo() throws Exception {
		assertThat(send(put(this.owner.vid(), sample(Sample.VP9_OPUS_WEBM)).build()).statusCode()).isEqualTo(201);
		assertThat(queued()).containsExactly("upload", "queued");
		assertThat(generation()).isEqualTo(1);
		assertThat(send(multipart(this.owner.vid(), sample(Sample.NO_AUDIO_MP4)).build()).statusCode()).isEqualTo(201);
		assertThat(queued()).containsExactly("video", "queued");
		assertThat(generation()).isEqualTo(2);
		assertThat(isStored(this.owner.vid())).isTrue();
		assertThat(isStored(this.owner.vid() + ".source")).isFalse();
	}

	@Test
	void rotatedHevcMovIsKeptWithThePictureAsShown() throws Exception {
		byte[] mov = sample(Sample.HEVC_ROTATED_MOV);
		assertThat(send(multipart(this.owner.vid(), mov).build()).statusCode()).isEqualTo(201);
		assertThat(storedFile(this.owner.vid() + ".source")).isEqualTo(mov);
		assertThat(queued()).containsExactly("upload", "queued");
		assertThat(mediaInfo()).containsExactly((long) mov.length, 240, 320, "hevc");
	}

	@Test
	void aTextFileNamedMp4Answers415AtItsFirstBytes() throws Exception {
		HttpResponse<String> response = send(put(this.owner.vid(), sample(Sample.TEXT_MP4)).build());
		assertRefused(response);
		assertThat(response.body()).contains("The file is not a video (MP4, MOV, MKV, WebM or AVI)");
	}

	@Test
	void aTruncatedMp4Answers415WithAReason() throws Exception {
		HttpResponse<String> response = send(put(this.owner.vid(), sample(Sample.TRUNCATED_MP4)).build());
		assertRefused(response);
		assertThat(response.body()).contains("The file is not a valid MP4 video: ").contains("does not fit");
	}

	@Test
	void aFileThatOnlyStartsLikeMatroskaAnswers415WithFfprobesReason() throws Exception {
		byte[] fake = new byte[50_000];
		new Random(5).nextBytes(fake);
		System.arraycopy(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 }, 0, fake, 0, 4);
		HttpResponse<String> response = send(put(this.owner.vid(), fake).build());
		assertRefused(response);
		assertThat(response.body()).contains("The file could not be read as a video: ");
	}

	@Test
	void aResumableWebmUploadIsKeptAndQueuedTheSameWay() throws Exception {
		byte[] webm = sample(Sample.VP9_OPUS_WEBM);
		HttpResponse<String> created = send(tus(HttpRequest.newBuilder(uri("/tus/videos/" + this.owner.vid())))
			.header("Upload-Length", Integer.toString(webm.length))
			.POST(BodyPublishers.noBody())
			.build());
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
		int half = webm.length / 2;
		assertThat(send(patch(location, 0, webm, 0, half)).statusCode()).isEqualTo(204);
		assertThat(isStored(this.owner.vid() + ".source")).isFalse();
		HttpResponse<String> last = send(patch(location, half, webm, half, webm.length));
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(last.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(webm.length));
		assertThat(storedFile(this.owner.vid() + ".source")).isEqualTo(webm);
		assertThat(queued()).containsExactly("upload", "queued");
		assertThat(mediaInfo()).containsExactly((long) webm.length, 320, 240, "vp9");
	}

	@Test
	void aResumableTextFileIsRefusedAtItsFirstBytes() throws Exception {
		byte[] text = sample(Sample.TEXT_MP4);
		HttpResponse<String> created = send(tus(HttpRequest.newBuilder(uri("/tus/videos/" + this.owner.vid())))
			.header("Upload-Length", Integer.toString(text.length))
			.POST(BodyPublishers.noBody())
			.build());
		HttpResponse<String> patched = send(
				patch(URI.create(created.headers().firstValue("Location").orElseThrow()), 0, text, 0, 100));
		assertThat(patched.statusCode()).isEqualTo(415);
		assertThat(patched.body()).contains("The file is not a video (MP4, MOV, MKV, WebM or AVI)", "\"009\"");
		assertThat(queued()).isEmpty();
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).startsWith("{\"error\":\"").endsWith("\"error_code\":\"009\"}");
		assertThat(isStored(this.owner.vid())).isFalse();
		assertThat(isStored(this.owner.vid() + ".source")).isFalse();
		assertThat(queued()).isEmpty();
		assertThat(mediaInfo().get(0)).isEqualTo(-1L);
		assertThat(partFiles()).isZero();
	}

	private static byte[] sample(Sample sample) throws IOException {
		return Files.readAllBytes(TestMedia.create(MEDIA, sample));
	}

	/** The queue row's source and state; empty when the video is not queued. */
	private List<String> queued() {
		return this.jdbc.sql("SELECT source, state FROM video_transcode WHERE video_id = :vid")
			.param("vid", this.owner.vid())
			.query((row, n) -> List.of(row.getString(1), row.getString(2)))
			.optional()
			.orElse(List.of());
	}

	private int generation() {
		return this.jdbc.sql("SELECT generation FROM video_transcode WHERE video_id = :vid")
			.param("vid", this.owner.vid())
			.query(Integer.class)
			.single();
	}

	private List<Object> mediaInfo() {
		return this.jdbc.sql("SELECT COALESCE(file_size, -1), width, height, codec FROM video_info WHERE id = :vid")
			.param("vid", this.owner.vid())
			.query((row, n) -> java.util.Arrays.<Object>asList(row.getLong(1), row.getObject(2, Integer.class),
					row.getObject(3, Integer.class), row.getString(4)))
			.single();
	}

	private long duration() {
		return this.jdbc.sql("SELECT duration_ms FROM video_info WHERE id = :vid")
			.param("vid", this.owner.vid())
			.query(Long.class)
			.single();
	}

	private HttpRequest.Builder put(String vid, byte[] body) {
		return put(vid, body, this.owner.session(), this.owner.user());
	}

	private HttpRequest.Builder multipart(String vid, byte[] file) {
		return new UploadForm().file("file", "clip", "application/octet-stream", file)
			.post(uri("/upload/" + vid), this.owner.session(), this.owner.user());
	}

	private HttpRequest.Builder tus(HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.owner.session())
			.header("X-User-Name", this.owner.user());
	}

	private HttpRequest patch(URI location, long offset, byte[] file, int from, int to) {
		return tus(HttpRequest.newBuilder(location)).header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", Long.toString(offset))
			.method("PATCH", BodyPublishers.ofByteArray(file, from, to - from))
			.build();
	}

}
