package io.videoserver.stream.playback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of the {@code Range} and conditional-header rules with headers
 * that are mostly almost right: whatever arrives, the planner answers 200, 206, 304, 412
 * or 416, and every range it plans lies inside the file, in order of the header, without
 * overlap and at most {@link RangeHeader#MAX_RANGES} of them. The budget is
 * {@code jqwik.tries.default} (20 000 in the build, a million in bench/fuzz.sh).
 */
class RangeFuzzTests {

	private static final String ETAG = "\"5-1700000000000000000-42\"";

	private static final long MODIFIED = 1_700_000_000_000L;

	@Property
	void everyRequestGetsAWellFormedPlan(@ForAll("requests") Conditions request, @ForAll("sizes") long size) {
		Plan plan = RangePlanner.plan(request, new Validators(size, ETAG, MODIFIED));
		Statistics.label("status").collect(plan.status());
		Statistics.label("ranges").collect(Math.min(plan.ranges().size(), 2));
		// guards the generators: fuzzing that never
		// reaches a multi-range 206 proves little
		Statistics.label("status").coverage(coverage -> {
			coverage.check(200).percentage(percent -> percent > 5);
			coverage.check(206).percentage(percent -> percent > 2);
			coverage.check(304).percentage(percent -> percent > 1);
			coverage.check(412).percentage(percent -> percent > 1);
			coverage.check(416).percentage(percent -> percent > 1);
		});
		Statistics.label("ranges").coverage(coverage -> coverage.check(2).percentage(percent -> percent > 0.2));
		assertThat(plan.status()).isIn(200, 206, 304, 412, 416);
		if (plan.status() != 206) {
			assertThat(plan.ranges()).isEmpty();
			return;
		}
		List<ByteRange> ranges = plan.ranges();
		assertThat(ranges).hasSizeBetween(1, RangeHeader.MAX_RANGES);
		for (ByteRange range : ranges) {
			assertThat(range.first()).isBetween(0L, range.last());
			assertThat(range.last()).isLessThan(size);
		}
		List<ByteRange> sorted = ranges.stream().sorted((a, b) -> Long.compare(a.first(), b.first())).toList();
		for (int i = 1; i < sorted.size(); i++) {
			assertThat(sorted.get(i).first()).isGreaterThan(sorted.get(i - 1).last());
		}
	}

	@Provide
	Arbitrary<Long> sizes() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.longs().between(1, 20_000)),
				Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)),
				Tuple.of(1, Arbitraries.of(0L, 1L, 2L, 1024L, 1L << 31, 1L << 40)));
	}

	@Provide
	Arbitrary<Conditions> requests() {
		// mostly plain range requests, as players send them; conditions some of the time
		Arbitrary<String> optionalTag = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(null)),
				Tuple.of(2, tags()));
		Arbitrary<Long> date = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(-1L)),
				Tuple.of(1, Arbitraries.longs().between(0, 4_000_000_000_000L)),
				Tuple.of(1, Arbitraries.of(MODIFIED, MODIFIED - 1000, MODIFIED + 1000)));
		return Combinators
			.combine(Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
					Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(9, rangeHeaders())),
					Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(null)), Tuple.of(3, ifRanges())), optionalTag,
					optionalTag, date, date)
			.as(Conditions::new);
	}

	private static Arbitrary<String> rangeHeaders() {
		Arbitrary<String> number = Arbitraries.frequencyOf(
				Tuple.of(6, Arbitraries.longs().between(0, 10_000).map(String::valueOf)),
				Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)),
				Tuple.of(2, Arbitraries.of("", "-1", " 5", "1e3")));
		Arbitrary<String> spec = Combinators
			.combine(number, Arbitraries.frequency(Tuple.of(8, "-"), Tuple.of(1, "--"), Tuple.of(1, "")), number)
			.as((a, dash, b) -> a + dash + b);
		Arbitrary<String> specs = Arbitraries
			.frequencyOf(Tuple.of(6, spec.list().ofMinSize(1).ofMaxSize(3)), Tuple.of(1, spec.list().ofMaxSize(20)))
			.map(list -> String.join(",", list));
		Arbitrary<String> unit = Arbitraries.frequency(Tuple.of(10, "bytes="), Tuple.of(1, "BYTES="),
				Tuple.of(1, "bytes ="), Tuple.of(1, "items="), Tuple.of(1, ""), Tuple.of(1, "bytes=,"),
				Tuple.of(1, " bytes= "));
		Arbitrary<String> ascending = Arbitraries.longs()
			.between(0, 4000)
			.list()
			.ofMinSize(2)
			.ofMaxSize(8)
			.map(RangeFuzzTests::ascendingRanges);
		return Arbitraries.frequencyOf(Tuple.of(6, Combinators.combine(unit, specs).as(String::concat)),
				Tuple.of(2, ascending),
				Tuple.of(2, Arbitraries.strings().withChars("bytes=0123456789-, \t;\u0000").ofMaxLength(60)),
				Tuple.of(1, Arbitraries.strings()));
	}

	/**
	 * A well-formed multi-range header: disjoint ranges built from increasing offsets.
	 */
	private static String ascendingRanges(List<Long> steps) {
		StringBuilder header = new StringBuilder("bytes=");
		long position = 0;
		for (int i = 0; i + 1 < steps.size(); i += 2) {
			long first = position + steps.get(i);
			long last = first + steps.get(i + 1);
			header.append((i == 0) ? "" : ",").append(first).append('-').append(last);
			position = last + 1;
		}
		return header.toString();
	}

	private static Arbitrary<String> ifRanges() {
		Arbitrary<String> dates = Arbitraries.longs()
			.between(0, 4_000_000_000L)
			.map(seconds -> DateTimeFormatter.RFC_1123_DATE_TIME
				.format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)));
		return Arbitraries.oneOf(tags(), dates, Arbitraries.strings().ofMaxLength(40), Arbitraries.just(
				DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(MODIFIED).atOffset(ZoneOffset.UTC))));
	}

	private static Arbitrary<String> tags() {
		return Arbitraries.oneOf(
				Arbitraries.of(ETAG, "W/" + ETAG, "*", "\"other\"", ETAG + ", \"x\"", "W/\"x\", " + ETAG),
				Arbitraries.strings().ofMaxLength(40));
	}

}
