package io.videoserver.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VideoIdTests {

	private static final String VALID = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";

	@Test
	void holdsAValidIdAndReadsAsIt() {
		VideoId vid = new VideoId(VALID);
		assertThat(vid.value()).isEqualTo(VALID);
		assertThat(vid).hasToString(VALID).isEqualTo(new VideoId(VALID));
		assertThat(VideoId.parse(VALID)).isEqualTo(vid);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "../etc/passwd", "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a1\u0000",
			"0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11/..", "0b0a6a0e3f574c8a9d575d0f8f2f6a11aaaa" })
	void refusesWhatThePatternRefuses(String value) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new VideoId(value))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_REQUEST))
			.withMessage("Invalid video id");
		assertThat(VideoId.parse(value)).isNull();
	}

	@Test
	void refusesUpperCaseAsThePatternDoes() {
		String upper = VALID.toUpperCase(Locale.ROOT);
		assertThat(VideoId.parse(upper)).isNull();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new VideoId(upper));
	}

	@Test
	void newIdsAreValidIds() {
		assertThat(VideoId.parse(VideoIds.newId())).isNotNull();
	}

}
