package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the words that {@code video_info.search_text} holds and that a search
 * looks for, so that one FULLTEXT index with the server's default parser (MariaDB has no
 * ngram parser) finds Latin and CJK text alike, and so that nothing but letters, digits
 * and {@code _} ever reaches a {@code MATCH ... AGAINST}.
 * <ul>
 * <li>A run of letters and digits outside CJK is one word, lower-cased. A word of one or
 * two characters is padded with {@code _} to three ({@code "go"} is written
 * {@code "go_"}), since the index skips words shorter than
 * {@code innodb_ft_min_token_size} (3); the parser keeps {@code _} inside a word and no
 * other word contains one, so a padded word matches only itself. A word is cut at
 * {@value #MAX_WORD} characters, below the index's longest token.</li>
 * <li>In a run of CJK characters (Han, Hiragana, Katakana, Hangul) every adjacent pair is
 * one ASCII word, {@code "u"} and both code points as five hex digits
 * ({@code 東京 -> u06771u04eac}); a run of one character is that character's word alone. So
 * a query of two or more CJK characters finds every text that holds its pairs; a single
 * CJK character finds only texts where it stands alone.</li>
 * <li>Everything else (punctuation, quotes, the boolean operators
 * {@code + - < > ( ) ~ * " @}, whitespace, symbols) separates words and is dropped.</li>
 * </ul>
 */
final class SearchTokenizer {

	static final int MAX_WORD = 80;

	private static final int MIN_WORD = 3;

	private SearchTokenizer() {
	}

	/**
	 * The words of a text, in order, duplicates kept.
	 * @param text any text
	 * @return its words, each of {@code [\p{L}\p{N}_]} only and at least 3 characters
	 */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int previousCjk = -1;
		boolean cjkRunAlone = false;
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (isCjk(cp)) {
				addWord(tokens, word);
				if (previousCjk >= 0) {
					if (cjkRunAlone) {
						tokens.remove(tokens.size() - 1);
						cjkRunAlone = false;
					}
					tokens.add(cjkWord(previousCjk, cp));
				}
				else {
					tokens.add(cjkWord(cp));
					cjkRunAlone = true;
				}
				previousCjk = cp;
			}
			else {
				previousCjk = -1;
				cjkRunAlone = false;
				if (Character.isLetterOrDigit(cp)) {
					word.appendCodePoint(cp);
				}
				else {
					addWord(tokens, word);
				}
			}
		}
		addWord(tokens, word);
		return tokens;
	}

	/**
	 * The search text to store for a video.
	 * @param parts the title, description and tags
	 * @return the words joined by single spaces
	 */
	static String searchText(String... parts) {
		return String.join(" ", tokens(String.join(" ", parts)));
	}

	private static void addWord(List<String> tokens, StringBuilder word) {
		if (word.isEmpty()) {
			return;
		}
		String lower = word.toString().toLowerCase(Locale.ROOT);
		word.setLength(0);
		if (lower.codePointCount(0, lower.length()) > MAX_WORD) {
			lower = lower.substring(0, lower.offsetByCodePoints(0, MAX_WORD));
		}
		StringBuilder padded = new StringBuilder(lower);
		while (padded.codePointCount(0, padded.length()) < MIN_WORD) {
			padded.append('_');
		}
		tokens.add(padded.toString());
	}

	private static String cjkWord(int... codePoints) {
		StringBuilder word = new StringBuilder("u");
		for (int cp : codePoints) {
			word.append(String.format(Locale.ROOT, "%05x", cp));
		}
		return word.toString();
	}

	static boolean isCjk(int cp) {
		// The prolonged sound mark (タワー) is written in Katakana words but belongs to no
		// script.
		if (cp == 0x30FC || cp == 0xFF70) {
			return true;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

}
