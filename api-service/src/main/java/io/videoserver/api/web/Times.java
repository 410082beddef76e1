package io.videoserver.api.web;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times are shown: the original's human-readable {@code display_ctime} and ISO-8601
 * UTC for machines. The database keeps UTC wall-clock times.
 */
public final class Times {

	private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMM dd yyyy, HH:mm:ss", Locale.US);

	private Times() {
	}

	public static String display(LocalDateTime utc) {
		return DISPLAY.format(utc);
	}

	public static String iso(LocalDateTime utc) {
		return utc.atOffset(ZoneOffset.UTC).toInstant().toString();
	}

}
