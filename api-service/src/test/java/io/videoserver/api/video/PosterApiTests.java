package io.videoserver.api.video;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import io.videoserver.api.Api;
import io.videoserver.api.Api.Login;
import io.videoserver.api.ApiTest;
import io.videoserver.shared.VideoIds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.videoserver.api.ErrorBodies.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class PosterApiTests {

	@Autowired
	private Api api;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void videoWithoutAPosterGetsAPlaceholderWithItsInitial() throws Exception {
		String vid = video("<b>sunrise & sea");
		MvcTestResult result = this.mvc.get().uri("/videos/" + vid + "/poster").exchange();
		assertThat(result).hasStatus(200).hasContentType("image/svg+xml");
		String svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<svg").contains(">B</text>").doesNotContain("<b>");
		assertThat(result).headers().hasValue("Cache-Control", "no-cache");
		String etag = result.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(this.mvc.get().uri("/videos/" + vid + "/poster").header("If-None-Match", etag).exchange())
			.hasStatus(304);
	}

	@Test
	void placeholderColoursDifferBetweenVideos() throws Exception {
		String one = this.mvc.get()
			.uri("/videos/" + video("same") + "/poster")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String other = this.mvc.get()
			.uri("/videos/" + video("same") + "/poster")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(one).isNotEqualTo(other);
	}

	@Test
	void storedPosterIsServedAsItsJpegAndRevalidated() throws Exception {
		String vid = video("harbour");
		byte[] jpeg = jpeg();
		this.jdbc.sql("INSERT INTO video_poster (video_id, content_type, image) VALUES (:id, 'image/jpeg', :image)")
			.param("id", vid)
			.param("image", jpeg)
			.update();
		MvcTestResult result = this.mvc.get().uri("/videos/" + vid + "/poster").exchange();
		assertThat(result).hasStatus(200).hasContentType("image/jpeg");
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(jpeg);
		String etag = result.getResponse().getHeader("ETag");
		assertThat(this.mvc.get().uri("/videos/" + vid + "/poster").header("If-None-Match", etag).exchange())
			.hasStatus(304);
		this.jdbc.sql("UPDATE video_poster SET created_at = NOW(3) + INTERVAL 1 SECOND WHERE video_id = :id")
			.param("id", vid)
			.update();
		assertThat(this.mvc.get().uri("/videos/" + vid + "/poster").header("If-None-Match", etag).exchange())
			.as("a replaced poster")
			.hasStatus(200);
	}

	@Test
	void unknownVideoAnswers404AndInvalidId400() {
		assertErrorBody(this.mvc.get().uri("/videos/" + VideoIds.newId() + "/poster").exchange(), 404, "006");
		assertErrorBody(this.mvc.get().uri("/videos/not-an-id/poster").exchange(), 400, "001");
	}

	private String video(String title) {
		Login login = this.api.register(Api.uniqueName("poster"));
		return this.api.createVideo(login, title.replace("\"", "")).get("id").asString();
	}

	private static byte[] jpeg() throws Exception {
		BufferedImage image = new BufferedImage(32, 18, BufferedImage.TYPE_3BYTE_BGR);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

}
