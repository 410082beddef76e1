package io.videoserver.api.video;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.videoserver.shared.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTests {

	@Test
	void tagsAreTrimmedLowerCasedAndTheirInnerWhitespaceCollapsed() {
		assertThat(Tags.normalise(List.of("  Funny CATS ", "how\t to\n cook", "東京"))).containsExactly("funny cats",
				"how to cook", "東京");
	}

	@Test
	void duplicatesAfterNormalisingAreDroppedKeepingTheFirst() {
		assertThat(Tags.normalise(List.of("Cats", "dogs", " cats", "CATS"))).containsExactly("cats", "dogs");
	}

	@Test
	void thirtyTwoCharactersAreAllowedCountingCodePoints() {
		assertThat(Tags.normalise("🎬".repeat(32))).isEqualTo("🎬".repeat(32));
		assertThatThrownBy(() -> Tags.normalise("a".repeat(33))).isInstanceOf(ApiException.class)
			.hasMessageContaining("1-32 characters");
	}

	@Test
	void aBlankMissingOrControlCharacterTagIsRefused() {
		for (String bad : Arrays.asList("", "   ", null, "a\u0000b")) {
			assertThatThrownBy(() -> Tags.normalise(Collections.singletonList(bad))).isInstanceOf(ApiException.class)
				.hasMessageContaining("tag");
		}
	}

	@Test
	void moreThanTenTagsAreRefusedNamingTheLimit() {
		List<String> eleven = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
		assertThatThrownBy(() -> Tags.normalise(eleven)).isInstanceOf(ApiException.class)
			.hasMessage("tags must be at most 10");
		assertThat(Tags.normalise(eleven.subList(0, 10))).hasSize(10);
	}

}
