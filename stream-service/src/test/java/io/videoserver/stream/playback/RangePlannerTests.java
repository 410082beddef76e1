package io.videoserver.stream.playback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RangePlannerTests {

	private static final String ETAG = "\"3e8-abc-1\"";

	private static final long MODIFIED = 1_700_000_000_123L;

	private static final String MODIFIED_DATE = "Tue, 14 Nov 2023 22:13:20 GMT";

	private static final Validators FILE = new Validators(1000, ETAG, MODIFIED);

	@Test
	void noHeadersAnswerTheWholeFile() {
		assertThat(RangePlanner.plan(Conditions.get(null), FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void rangeAnswersPartialContent() {
		Plan plan = RangePlanner.plan(Conditions.get("bytes=0-9"), FILE);
		assertThat(plan.status()).isEqualTo(206);
		assertThat(plan.ranges()).containsExactly(new ByteRange(0, 9));
		assertThat(plan.multipart()).isFalse();
	}

	@Test
	void severalRangesAnswerMultipart() {
		assertThat(RangePlanner.plan(Conditions.get("bytes=0-9,20-29"), FILE).multipart()).isTrue();
	}

	@Test
	void unsatisfiableAndAbusiveRangesAnswer416() {
		assertThat(RangePlanner.plan(Conditions.get("bytes=1000-"), FILE)).isEqualTo(Plan.UNSATISFIABLE);
		assertThat(RangePlanner.plan(Conditions.get("bytes=0-10,5-20"), FILE)).isEqualTo(Plan.UNSATISFIABLE);
	}

	@Test
	void malformedRangeAnswersTheWholeFile() {
		assertThat(RangePlanner.plan(Conditions.get("bytes=x-y"), FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void headIgnoresRange() {
		Conditions head = new Conditions(true, "bytes=0-9", null, null, null, -1, -1);
		assertThat(RangePlanner.plan(head, FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void ifRangeWithTheCurrentEtagKeepsTheRange() {
		assertThat(RangePlanner.plan(withIfRange(ETAG), FILE).status()).isEqualTo(206);
	}

	@Test
	void ifRangeWithAnOldEtagSendsTheWholeFile() {
		assertThat(RangePlanner.plan(withIfRange("\"old\""), FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void ifRangeWithAWeakEtagSendsTheWholeFile() {
		assertThat(RangePlanner.plan(withIfRange("W/" + ETAG), FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void ifRangeWithTheExactDateKeepsTheRange() {
		assertThat(RangePlanner.plan(withIfRange(MODIFIED_DATE), FILE).status()).isEqualTo(206);
	}

	@Test
	void ifRangeWithAnotherOrInvalidDateSendsTheWholeFile() {
		assertThat(RangePlanner.plan(withIfRange("Tue, 14 Nov 2023 22:13:19 GMT"), FILE)).isEqualTo(Plan.WHOLE);
		assertThat(RangePlanner.plan(withIfRange("yesterday"), FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void ifNoneMatchWithTheEtagAnswersNotModified() {
		assertThat(RangePlanner.plan(ifNoneMatch("\"x\", " + ETAG), FILE)).isEqualTo(Plan.NOT_MODIFIED);
		assertThat(RangePlanner.plan(ifNoneMatch("W/" + ETAG), FILE)).isEqualTo(Plan.NOT_MODIFIED);
		assertThat(RangePlanner.plan(ifNoneMatch("*"), FILE)).isEqualTo(Plan.NOT_MODIFIED);
	}

	@Test
	void ifNoneMatchWithAnotherEtagAnswersTheFileAndOverridesIfModifiedSince() {
		Conditions conditions = new Conditions(false, null, null, null, "\"x\"", MODIFIED + 60_000, -1);
		assertThat(RangePlanner.plan(conditions, FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void ifModifiedSinceAtOrAfterTheFileAnswersNotModified() {
		assertThat(RangePlanner.plan(ifModifiedSince(MODIFIED - 123), FILE)).isEqualTo(Plan.NOT_MODIFIED);
		assertThat(RangePlanner.plan(ifModifiedSince(MODIFIED + 60_000), FILE)).isEqualTo(Plan.NOT_MODIFIED);
	}

	@Test
	void ifModifiedSinceBeforeTheFileAnswersTheFile() {
		assertThat(RangePlanner.plan(ifModifiedSince(MODIFIED - 1_123), FILE)).isEqualTo(Plan.WHOLE);
	}

	@Test
	void ifMatchUsesStrongComparison() {
		assertThat(RangePlanner.plan(new Conditions(false, null, null, ETAG, null, -1, -1), FILE))
			.isEqualTo(Plan.WHOLE);
		assertThat(RangePlanner.plan(new Conditions(false, null, null, "W/" + ETAG, null, -1, -1), FILE))
			.isEqualTo(Plan.PRECONDITION_FAILED);
	}

	@Test
	void ifUnmodifiedSinceBeforeTheFileFails() {
		assertThat(RangePlanner.plan(new Conditions(false, null, null, null, null, -1, MODIFIED - 5_000), FILE))
			.isEqualTo(Plan.PRECONDITION_FAILED);
	}

	private static Conditions withIfRange(String ifRange) {
		return new Conditions(false, "bytes=0-9", ifRange, null, null, -1, -1);
	}

	private static Conditions ifNoneMatch(String value) {
		return new Conditions(false, null, null, null, value, -1, -1);
	}

	private static Conditions ifModifiedSince(long millis) {
		return new Conditions(false, null, null, null, null, millis, -1);
	}

}
