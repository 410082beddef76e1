package io.videoserver.stream.playback;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Applies RFC 9110's precondition order (§13.2.2) and range rules (§14) to one request,
 * so that the controller only carries out the plan.
 */
final class RangePlanner {

	private RangePlanner() {
	}

	static Plan plan(Conditions request, Validators file) {
		if (request.ifMatch() != null) {
			if (!matches(request.ifMatch(), file.etag(), true)) {
				return Plan.PRECONDITION_FAILED;
			}
		}
		else if (request.ifUnmodifiedSince() >= 0 && file.lastModifiedSeconds() > request.ifUnmodifiedSince() / 1000) {
			return Plan.PRECONDITION_FAILED;
		}
		if (request.ifNoneMatch() != null) {
			if (matches(request.ifNoneMatch(), file.etag(), false)) {
				return Plan.NOT_MODIFIED;
			}
		}
		else if (request.ifModifiedSince() >= 0 && file.lastModifiedSeconds() <= request.ifModifiedSince() / 1000) {
			return Plan.NOT_MODIFIED;
		}
		if (request.head() || request.range() == null || !ifRangeHolds(request.ifRange(), file)) {
			return Plan.WHOLE;
		}
		RangeHeader.Parsed parsed = RangeHeader.parse(request.range(), file.size());
		return switch (parsed.kind()) {
			case IGNORED -> Plan.WHOLE;
			case UNSATISFIABLE, REJECTED -> Plan.UNSATISFIABLE;
			case RANGES -> new Plan(206, parsed.ranges());
		};
	}

	/**
	 * {@code If-Range} (§13.1.5): an entity tag must match strongly; a date must equal
	 * Last-Modified exactly. Anything else sends the whole, current file.
	 */
	private static boolean ifRangeHolds(@Nullable String ifRange, Validators file) {
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.trim();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals(file.etag());
		}
		try {
			long seconds = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
			return seconds == file.lastModifiedSeconds();
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * Compares an {@code If-Match}/{@code If-None-Match} list with our tag: strong
	 * comparison ignores weak tags, weak comparison ignores the {@code W/} prefix.
	 */
	static boolean matches(String header, String etag, boolean strong) {
		String list = header.trim();
		if (list.equals("*")) {
			return true;
		}
		for (String candidate : list.split(",")) {
			String tag = candidate.trim();
			if (tag.startsWith("W/")) {
				if (strong) {
					continue;
				}
				tag = tag.substring(2);
			}
			if (tag.equals(etag)) {
				return true;
			}
		}
		return false;
	}

}
