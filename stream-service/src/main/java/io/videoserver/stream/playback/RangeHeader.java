package io.videoserver.stream.playback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code Range} header (RFC 9110 §14.1.2) against a file size, and turns away
 * the range sets that §14.2 warns about (too many ranges, overlapping ranges).
 */
final class RangeHeader {

	/** A player needs one range, a download accelerator a few; more is abuse. */
	static final int MAX_RANGES = 16;

	private static final int MAX_DIGITS = 18;

	private RangeHeader() {
	}

	/**
	 * The outcome of parsing: either ignore the header, refuse it, or serve the ranges.
	 *
	 * @param kind what to do
	 * @param ranges the satisfiable ranges, in the order asked, when kind is RANGES
	 */
	record Parsed(Kind kind, List<ByteRange> ranges) {

		static final Parsed IGNORED = new Parsed(Kind.IGNORED, List.of());

		static final Parsed UNSATISFIABLE = new Parsed(Kind.UNSATISFIABLE, List.of());

		static final Parsed REJECTED = new Parsed(Kind.REJECTED, List.of());

	}

	enum Kind {

		/** Absent or malformed: answer the whole file (RFC 9110 allows ignoring). */
		IGNORED,
		/** Well formed, but no range overlaps the file: 416. */
		UNSATISFIABLE,
		/** Well formed but abusive (too many or overlapping ranges): 416. */
		REJECTED,
		/** Serve these ranges. */
		RANGES

	}

	static Parsed parse(@Nullable String header, long size) {
		if (header == null) {
			return Parsed.IGNORED;
		}
		int equals = header.indexOf('=');
		if (equals < 0 || !header.substring(0, equals).trim().equalsIgnoreCase("bytes")) {
			return Parsed.IGNORED;
		}
		String[] specs = header.substring(equals + 1).split(",", -1);
		List<ByteRange> satisfiable = new ArrayList<>();
		int count = 0;
		for (String raw : specs) {
			String spec = raw.trim();
			if (spec.isEmpty()) {
				continue; // RFC 9110 §5.6.1: empty list elements are ignored
			}
			if (++count > MAX_RANGES) {
				return Parsed.REJECTED;
			}
			long[] bounds = bounds(spec);
			if (bounds == null) {
				return Parsed.IGNORED;
			}
			ByteRange range = resolve(bounds[0], bounds[1], size);
			if (range != null) {
				satisfiable.add(range);
			}
		}
		if (count == 0) {
			return Parsed.IGNORED;
		}
		if (satisfiable.isEmpty()) {
			return Parsed.UNSATISFIABLE;
		}
		return overlap(satisfiable) ? Parsed.REJECTED : new Parsed(Kind.RANGES, List.copyOf(satisfiable));
	}

	/** Returns {first, last} with -1 for an absent end, or null when malformed. */
	private static long @Nullable [] bounds(String spec) {
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return null;
		}
		long first = number(spec.substring(0, dash));
		long last = number(spec.substring(dash + 1));
		boolean suffix = dash == 0;
		if ((suffix && last < 0) || (!suffix && first < 0) || (last >= 0 && !suffix && last < first)) {
			return null;
		}
		if (!suffix && dash + 1 < spec.length() && last < 0) {
			return null;
		}
		return new long[] { suffix ? -1 : first, last };
	}

	/** A non-negative decimal, -1 when empty, -2 when anything else. */
	private static long number(String text) {
		if (text.isEmpty()) {
			return -1;
		}
		if (text.length() > MAX_DIGITS) {
			return -2;
		}
		long value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -2;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static @Nullable ByteRange resolve(long first, long last, long size) {
		if (first < 0) { // suffix: the last n bytes
			return (last == 0 || size == 0) ? null : new ByteRange(Math.max(0, size - last), size - 1);
		}
		if (first >= size) {
			return null;
		}
		return new ByteRange(first, (last < 0 || last >= size) ? size - 1 : last);
	}

	private static boolean overlap(List<ByteRange> ranges) {
		List<ByteRange> sorted = new ArrayList<>(ranges);
		sorted.sort(Comparator.comparingLong(ByteRange::first));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).first() <= sorted.get(i - 1).last()) {
				return true;
			}
		}
		return false;
	}

}
