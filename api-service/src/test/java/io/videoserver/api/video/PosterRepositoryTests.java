package io.videoserver.api.video;

import io.videoserver.api.RepositoryTest;
import io.videoserver.api.video.PosterRepository.VideoPoster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@RepositoryTest
@Import(PosterRepository.class)
class PosterRepositoryTests {

	private static final String VID = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";

	@Autowired
	private PosterRepository posters;

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void video() {
		this.jdbc.sql("INSERT INTO video_info (id, author_id, name) VALUES (:id, NULL, 'holiday')")
			.param("id", VID)
			.update();
	}

	@Test
	void aVideoWithoutAPosterYetReadsItsTitleOnly() {
		assertThat(this.posters.find(VID)).hasValueSatisfying(found -> {
			assertThat(found.name()).isEqualTo("holiday");
			assertThat(found.contentType()).isNull();
			assertThat(found.image()).isNull();
			assertThat(found.createdAt()).isNull();
		});
	}

	@Test
	void aStoredPosterReadsWithItsTypeBytesAndTime() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };
		this.jdbc.sql("INSERT INTO video_poster (video_id, content_type, image) VALUES (:id, 'image/jpeg', :image)")
			.param("id", VID)
			.param("image", jpeg)
			.update();
		VideoPoster found = this.posters.find(VID).orElseThrow();
		assertThat(found.name()).isEqualTo("holiday");
		assertThat(found.contentType()).isEqualTo("image/jpeg");
		assertThat(found.image()).containsExactly(jpeg);
		assertThat(found.createdAt()).isNotNull();
	}

	@Test
	void aMissingVideoHasNothing() {
		assertThat(this.posters.find("00000000-0000-4000-8000-000000000000")).isEmpty();
	}

}
