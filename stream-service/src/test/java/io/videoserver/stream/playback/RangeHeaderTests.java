package io.videoserver.stream.playback;

import java.util.List;

import io.videoserver.stream.playback.RangeHeader.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RangeHeaderTests {

	private static final long SIZE = 1000;

	@Test
	void closedRangeIsServedAsAsked() {
		assertThat(ranges("bytes=0-499")).containsExactly(new ByteRange(0, 499));
	}

	@Test
	void openRangeRunsToTheEnd() {
		assertThat(ranges("bytes=900-")).containsExactly(new ByteRange(900, 999));
	}

	@Test
	void suffixRangeIsTheLastBytes() {
		assertThat(ranges("bytes=-100")).containsExactly(new ByteRange(900, 999));
	}

	@Test
	void suffixLongerThanTheFileIsTheWholeFile() {
		assertThat(ranges("bytes=-5000")).containsExactly(new ByteRange(0, 999));
	}

	@Test
	void lastBytePastTheEndIsClipped() {
		assertThat(ranges("bytes=990-5000")).containsExactly(new ByteRange(990, 999));
	}

	@Test
	void severalRangesKeepTheirOrder() {
		assertThat(ranges("bytes=500-599, 0-9 ,,-10")).containsExactly(new ByteRange(500, 599), new ByteRange(0, 9),
				new ByteRange(990, 999));
	}

	@Test
	void unitIsCaseInsensitive() {
		assertThat(ranges("Bytes=0-0")).containsExactly(new ByteRange(0, 0));
	}

	@Test
	void unsatisfiableRangesAreDroppedFromASet() {
		assertThat(ranges("bytes=2000-3000,0-0")).containsExactly(new ByteRange(0, 0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=5000-,6000-7000" })
	void rangesThatMissTheFileAreUnsatisfiable(String header) {
		assertThat(RangeHeader.parse(header, SIZE).kind()).isEqualTo(Kind.UNSATISFIABLE);
	}

	@Test
	void anyRangeOfAnEmptyFileIsUnsatisfiable() {
		assertThat(RangeHeader.parse("bytes=0-", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
		assertThat(RangeHeader.parse("bytes=-1", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "bytes", "bytes=", "bytes=,", "items=0-1", "bytes=abc", "bytes=5-1", "bytes=-",
			"bytes=1-2-3", "bytes=0-1,x", "bytes=0x10-", "bytes= 1 - 2", "bytes=+1-2", "bytes=-+5",
			"bytes=99999999999999999999-", "bytes=0-99999999999999999999", "bytes=\u0661-\u0662", "bytes=0-1;2-3" })
	void malformedHeadersAreIgnored(String header) {
		assertThat(RangeHeader.parse(header, SIZE).kind()).isEqualTo(Kind.IGNORED);
	}

	@Test
	void moreThanTheMaximumNumberOfRangesIsRejected() {
		String header = "bytes=" + String.join(",", java.util.Collections.nCopies(17, "0-0"));
		assertThat(RangeHeader.parse(header, SIZE).kind()).isEqualTo(Kind.REJECTED);
		StringBuilder distinct = new StringBuilder("bytes=0-0");
		for (int i = 1; i <= RangeHeader.MAX_RANGES; i++) {
			distinct.append(',').append(i * 10).append('-').append(i * 10);
		}
		assertThat(RangeHeader.parse(distinct.toString(), SIZE).kind()).isEqualTo(Kind.REJECTED);
	}

	@Test
	void theMaximumNumberOfDistinctRangesIsServed() {
		StringBuilder header = new StringBuilder("bytes=0-0");
		for (int i = 1; i < RangeHeader.MAX_RANGES; i++) {
			header.append(',').append(i * 10).append('-').append(i * 10);
		}
		assertThat(ranges(header.toString())).hasSize(RangeHeader.MAX_RANGES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=0-10,5-20", "bytes=0-,500-600", "bytes=-100,950-", "bytes=0-0,0-0" })
	void overlappingRangesAreRejected(String header) {
		assertThat(RangeHeader.parse(header, SIZE).kind()).isEqualTo(Kind.REJECTED);
	}

	@Test
	void adjacentRangesDoNotOverlap() {
		assertThat(ranges("bytes=0-9,10-19")).hasSize(2);
	}

	@Test
	void absentHeaderIsIgnored() {
		assertThat(RangeHeader.parse(null, SIZE).kind()).isEqualTo(Kind.IGNORED);
	}

	private static List<ByteRange> ranges(String header) {
		RangeHeader.Parsed parsed = RangeHeader.parse(header, SIZE);
		assertThat(parsed.kind()).isEqualTo(Kind.RANGES);
		return parsed.ranges();
	}

}
