package io.videoserver.stream.poster;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.videoserver.shared.testmedia.TestMedia;
import io.videoserver.shared.testmedia.TestMedia.Sample;
import io.videoserver.stream.StreamIntegrationTest;
import io.videoserver.stream.mp4.TestMp4;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poster of an upload: a JPEG of a real frame for H.264, none (the UI's placeholder)
 * when the codec is another or the frame does not decode, and never a failed upload.
 */
class PosterIntegrationTests extends StreamIntegrationTest {

	private static final Color RED = new Color(200, 40, 60);

	private static final Color TEAL = new Color(30, 160, 150);

	private Owner owner;

	@BeforeEach
	void seed() {
		this.owner = seedOwner("poster");
	}

	@Test
	void h264UploadGetsAJpegOfAFrameAtItsSize() throws Exception {
		byte[] video = H264Mp4.solid(170, 98, 1, RED, RED);
		assertThat(upload(video)).isEqualTo(201);
		BufferedImage poster = ImageIO.read(new ByteArrayInputStream(poster(this.owner.vid()).orElseThrow()));
		assertThat(poster.getWidth()).isEqualTo(170);
		assertThat(poster.getHeight()).isEqualTo(98);
		assertColor(poster, RED);
		assertThat(contentType(this.owner.vid())).isEqualTo("image/jpeg");
	}

	@Test
	void posterOfALongerVideoIsTakenASecondIn() throws Exception {
		byte[] video = H264Mp4.solid(96, 64, 4, RED, TEAL);
		assertThat(upload(video)).isEqualTo(201);
		assertColor(ImageIO.read(new ByteArrayInputStream(poster(this.owner.vid()).orElseThrow())), TEAL);
	}

	@Test
	void moovLastH264IsStoredInFaststartOrder() throws Exception {
		byte[] video = H264Mp4.solid(64, 48, 1, TEAL, TEAL);
		assertThat(boxTypes(video)).containsSubsequence("mdat", "moov");
		assertThat(upload(video)).isEqualTo(201);
		assertThat(boxTypes(Files.readAllBytes(VIDEO_DIR.resolve(this.owner.vid())))).containsSubsequence("moov",
				"mdat");
	}

	@Test
	void otherCodecOrUndecodableFrameGetsNoPosterAndTheUploadSucceeds() throws Exception {
		assertThat(upload(H264Mp4.solid(64, 48, 1, RED, RED))).isEqualTo(201);
		assertThat(poster(this.owner.vid())).isPresent();
		// HEVC is kept for the transcoder, which makes its poster
		byte[] hevc = Files.readAllBytes(TestMedia.create(Path.of("target", "test-media"), Sample.HEVC_ROTATED_MOV));
		assertThat(upload(hevc)).isEqualTo(201);
		assertThat(poster(this.owner.vid())).as("a re-upload drops its predecessor's poster").isEmpty();
		assertThat(upload(TestMp4.video().video("avc1", 640, 360).chunks(5, 3000).build())).isEqualTo(201);
		assertThat(poster(this.owner.vid())).isEmpty();
	}

	@Test
	void spsLargerThanTheTrackHeaderIsNotDecoded() throws Exception {
		byte[] video = CraftedMp4.withSpsSize(H264Mp4.solid(64, 48, 1, RED, RED), 2875);
		assertThat(upload(video)).isEqualTo(201);
		assertThat(poster(this.owner.vid())).isEmpty();
	}

	@Test
	void truncatedNalUnitIsNotDecoded() throws Exception {
		assertThat(upload(CraftedMp4.withTruncatedNal(H264Mp4.solid(64, 48, 1, RED, RED)))).isEqualTo(201);
		assertThat(poster(this.owner.vid())).isEmpty();
	}

	@Test
	void tableOutsideAnyTrackCountingFarMoreThanTheFileIsNotDecoded() throws Exception {
		byte[] video = CraftedMp4.withHiddenTable(H264Mp4.solid(64, 48, 1, RED, RED), 0x7FFF_FFF0);
		assertThat(upload(video)).isEqualTo(201);
		assertThat(poster(this.owner.vid())).isEmpty();
	}

	@Test
	void sliceHeaderCutBeforeItsReferenceListEndsIsNotDecoded() throws Exception {
		byte[] video = CraftedMp4.withEndlessReordering(H264Mp4.solid(64, 48, 4, RED, TEAL));
		assertThat(upload(video)).isEqualTo(201);
		assertThat(poster(this.owner.vid())).isEmpty();
	}

	@Test
	void sampleTablesCountingFarMoreThanTheFileAreNotDecoded() throws Exception {
		for (String table : new String[] { "stsz", "stts", "stsc", "stss" }) {
			byte[] video = CraftedMp4.withCount(H264Mp4.solid(64, 48, 1, RED, RED), table, 0x7FFF_FFF0);
			assertThat(upload(video)).as(table).isEqualTo(201);
			assertThat(poster(this.owner.vid())).as(table).isEmpty();
		}
	}

	@Test
	void deletingTheVideoDeletesItsPoster() throws Exception {
		assertThat(upload(H264Mp4.solid(64, 48, 1, RED, RED))).isEqualTo(201);
		this.jdbc.sql("DELETE FROM video_info WHERE id = :id").param("id", this.owner.vid()).update();
		assertThat(poster(this.owner.vid())).isEmpty();
	}

	private int upload(byte[] video) throws Exception {
		return send(HttpRequest.newBuilder(uri("/videos/" + this.owner.vid()))
			.header("X-Session-Id", this.owner.session())
			.header("X-User-Name", this.owner.user())
			.PUT(BodyPublishers.ofByteArray(video))
			.timeout(java.time.Duration.ofSeconds(60))
			.build()).statusCode();
	}

	private Optional<byte[]> poster(String vid) {
		return this.jdbc.sql("SELECT image FROM video_poster WHERE video_id = :id")
			.param("id", vid)
			.query(byte[].class)
			.optional();
	}

	private String contentType(String vid) {
		return this.jdbc.sql("SELECT content_type FROM video_poster WHERE video_id = :id")
			.param("id", vid)
			.query(String.class)
			.single();
	}

	private static void assertColor(BufferedImage image, Color expected) {
		Color actual = new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
		assertThat(List.of(actual.getRed(), actual.getGreen(), actual.getBlue())).as("centre pixel %s", actual)
			.satisfies((rgb) -> {
				assertThat(rgb.get(0)).isCloseTo(expected.getRed(), org.assertj.core.data.Offset.offset(24));
				assertThat(rgb.get(1)).isCloseTo(expected.getGreen(), org.assertj.core.data.Offset.offset(24));
				assertThat(rgb.get(2)).isCloseTo(expected.getBlue(), org.assertj.core.data.Offset.offset(24));
			});
	}

	/** The types of the top-level boxes, in file order. */
	private static List<String> boxTypes(byte[] file) {
		java.util.ArrayList<String> types = new java.util.ArrayList<>();
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(file);
		long offset = 0;
		while (offset + 8 <= file.length) {
			long size = buffer.getInt((int) offset) & 0xFFFFFFFFL;
			types.add(new String(file, (int) offset + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
			if (size == 1) {
				size = buffer.getLong((int) offset + 8);
			}
			offset += (size == 0) ? file.length - offset : size;
		}
		return types;
	}

}
