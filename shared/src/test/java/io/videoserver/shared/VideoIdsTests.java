package io.videoserver.shared;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VideoIdsTests {

	@Test
	void newIdsMatchThePattern() {
		assertThat(VideoIds.isValid(VideoIds.newId())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "../etc/passwd", "..%2f..%2fetc", "/etc/passwd",
			"0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a1\u0000", "0B0A6A0E-3F57-4C8A-9D57-5D0F8F2F6A11",
			"0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11/..", "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a1é",
			"0b0a6a0e3f574c8a9d575d0f8f2f6a11aaaa", "' OR 1=1 --" })
	void rejectsAnythingButACanonicalUuid(String id) {
		assertThat(VideoIds.isValid(id)).isFalse();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> VideoIds.require(id))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.BAD_REQUEST));
	}

	@Test
	void rejectsOverlongIds() {
		assertThat(VideoIds.isValid("a".repeat(10_000))).isFalse();
	}

	@Test
	void agreesWithThePatternOnEveryOneCharacterChange() {
		Pattern pattern = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		String valid = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";
		int accepted = 0;
		for (int i = 0; i < valid.length(); i++) {
			for (char c : "-0129:/`abfgAF. \u0000\u0660".toCharArray()) {
				String id = valid.substring(0, i) + c + valid.substring(i + 1);
				assertThat(VideoIds.isValid(id)).as(id).isEqualTo(pattern.matcher(id).matches());
				accepted += VideoIds.isValid(id) ? 1 : 0;
			}
		}
		assertThat(accepted).isEqualTo(32 * 7 + 4);
	}

}
