package io.videoserver.api.video;

import java.nio.charset.StandardCharsets;

/**
 * Draws the poster of a video that has no decoded frame (not uploaded yet, another codec
 * than H.264, or a frame that did not decode): its title's initial on a colour of its
 * own, as an SVG, so that every video in a list still looks distinct.
 */
final class PosterPlaceholder {

	private PosterPlaceholder() {
	}

	static byte[] svg(String vid, String title) {
		int hue = Math.floorMod(vid.hashCode(), 360);
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">\
				<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">\
				<stop offset="0" stop-color="hsl(%1$d,55%%,46%%)"/><stop offset="1" stop-color="hsl(%2$d,60%%,30%%)"/>\
				</linearGradient></defs><rect width="640" height="360" fill="url(#g)"/>\
				<text x="320" y="180" dy="0.35em" text-anchor="middle" font-family="system-ui,sans-serif" \
				font-size="170" font-weight="800" fill="#fff" fill-opacity="0.4">%3$s</text></svg>
				""".formatted(hue, (hue + 40) % 360, escape(initial(title)));
		return svg.getBytes(StandardCharsets.UTF_8);
	}

	/** The title's first letter or digit, upper case; a film frame's "▶" for none. */
	static String initial(String title) {
		return title.codePoints()
			.filter(Character::isLetterOrDigit)
			.boxed()
			.findFirst()
			.map((letter) -> new String(Character.toChars(letter)).toUpperCase())
			.orElse("\u25B6");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
