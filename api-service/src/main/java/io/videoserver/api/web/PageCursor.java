package io.videoserver.api.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The keyset position of a newest-first list: the time and insertion sequence of the last
 * item a client has seen. It travels as an opaque {@code before} value so that pages stay
 * stable while new items arrive.
 *
 * @param time the create time of the last item seen (UTC)
 * @param seq its insertion sequence, which orders items of the same millisecond
 * @param rank what a ranked list orders by before time (a view count, a search's
 * relevance), or null in a newest-first list
 */
public record PageCursor(LocalDateTime time, long seq, @Nullable Double rank) {

	public PageCursor(LocalDateTime time, long seq) {
		this(time, seq, null);
	}

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final int MAX_LENGTH = 128;

	private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/**
	 * The time as SQL text with milliseconds. Drivers that mistake MariaDB for MySQL 5.5
	 * drop fractional seconds from temporal parameters; text keeps them on every server.
	 * @return the time as {@code yyyy-MM-dd HH:mm:ss.SSS}
	 */
	public String sqlTime() {
		return SQL_TIME.format(this.time);
	}

	public String encode() {
		String rank = (this.rank != null) ? "|" + this.rank : "";
		return ENCODER.encodeToString((this.time + "|" + this.seq + rank).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a {@code before} parameter.
	 * @param before the {@code next} value of a previous page, or null for the first page
	 * @return the position, or null for the first page
	 * @throws ApiException 400/001 when the value was not made by {@link #encode()}
	 */
	public static @Nullable PageCursor parse(@Nullable String before) {
		if (before == null || before.isEmpty()) {
			return null;
		}
		try {
			if (before.length() > MAX_LENGTH) {
				throw new IllegalArgumentException("too long");
			}
			String text = new String(Base64.getUrlDecoder().decode(before), StandardCharsets.UTF_8);
			int bar = text.indexOf('|');
			if (bar < 0) {
				throw new IllegalArgumentException("no sequence");
			}
			String[] rest = text.substring(bar + 1).split("\\|", -1);
			Double rank = (rest.length == 2) ? Double.valueOf(rest[1]) : null;
			if (rest.length > 2 || (rank != null && !Double.isFinite(rank))) {
				throw new IllegalArgumentException("bad rank");
			}
			return new PageCursor(LocalDateTime.parse(text.substring(0, bar)), Long.parseLong(rest[0]), rank);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "before must be the 'next' value of a previous page");
		}
	}

}
