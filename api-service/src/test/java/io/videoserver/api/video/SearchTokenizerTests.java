package io.videoserver.api.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokenizerTests {

	@Test
	void latinWordsAreLowerCasedAndSplitOnAnythingElse() {
		assertThat(SearchTokenizer.tokens("Hello, WORLD! café-2024")).containsExactly("hello", "world", "café", "2024");
	}

	@Test
	void shortLatinWordsArePaddedToTheIndexsShortestToken() {
		assertThat(SearchTokenizer.tokens("a go TV")).containsExactly("a__", "go_", "tv_");
	}

	@Test
	void everyPairOfAdjacentChineseCharactersIsOneAsciiWord() {
		assertThat(SearchTokenizer.tokens("北京烤鸭")).containsExactly("u0531704eac", "u04eac070e4", "u070e409e2d");
	}

	@Test
	void japaneseKanaAndTheProlongedSoundMarkArePairedToo() {
		assertThat(SearchTokenizer.tokens("東京タワー")).containsExactly("u0677104eac", "u04eac030bf", "u030bf030ef",
				"u030ef030fc");
		assertThat(SearchTokenizer.tokens("ひらがな")).hasSize(3);
		assertThat(SearchTokenizer.tokens("한국어")).containsExactly("u0d55c0ad6d", "u0ad6d0c5b4");
	}

	@Test
	void aLoneCjkCharacterIsItsOwnWord() {
		assertThat(SearchTokenizer.tokens("猫 cat")).containsExactly("u0732b", "cat");
	}

	@Test
	void mixedTextSplitsWhereTheScriptChanges() {
		assertThat(SearchTokenizer.tokens("Vlog上海day2")).containsExactly("vlog", "u04e0a06d77", "day2");
		assertThat(SearchTokenizer.tokens("上海 北京")).as("a space ends a run")
			.containsExactly("u04e0a06d77", "u0531704eac");
	}

	@Test
	void quotesOperatorsAndPunctuationNeverBecomePartOfAWord() {
		assertThat(SearchTokenizer.tokens("\"cats\" +dogs -birds >fish <x (y) ~z mice* @3 'or' ; DROP TABLE--"))
			.containsExactly("cats", "dogs", "birds", "fish", "x__", "y__", "z__", "mice", "3__", "or_", "drop",
					"table");
		assertThat(SearchTokenizer.tokens("+-\"*()~<>@'\\%_ ")).isEmpty();
		assertThat(SearchTokenizer.tokens("")).isEmpty();
	}

	@Test
	void everyTokenIsAWordOfAtLeastThreeCharactersOfTheSafeAlphabet() {
		String text = "Ünïcödé ß 日本語の動画 — 🎬 emoji, ＡＢＣ full-width, 1 2 3";
		assertThat(SearchTokenizer.tokens(text))
			.allSatisfy((token) -> assertThat(token).matches("[\\p{L}\\p{N}_]{3,}"));
	}

	@Test
	void veryLongInputIsTokenizedAndOverlongWordsAreCut() {
		String longWord = "x".repeat(10_000);
		assertThat(SearchTokenizer.tokens(longWord)).containsExactly("x".repeat(SearchTokenizer.MAX_WORD));
		String longText = "word ".repeat(5_000) + "漢字".repeat(2_000);
		assertThat(SearchTokenizer.tokens(longText)).hasSize(5_000 + 3_999);
	}

	@Test
	void theSearchTextJoinsTitleDescriptionAndTags() {
		assertThat(SearchTokenizer.searchText("My Cat", "", "pets funny")).isEqualTo("my_ cat pets funny");
	}

}
