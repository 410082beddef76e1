package io.videoserver.shared.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegProgressTests {

	@Test
	void theOutputTimeIsAShareOfTheDuration() {
		FfmpegProgress progress = new FfmpegProgress(8000);
		assertThat(progress.accept("frame=12")).isEqualTo(-1);
		assertThat(progress.accept("out_time_us=2000000")).isEqualTo(25);
		assertThat(progress.accept("out_time_ms=2000000")).as("a misnamed duplicate, ignored").isEqualTo(-1);
		assertThat(progress.accept("out_time=00:00:02.000000")).isEqualTo(-1);
		assertThat(progress.accept("progress=continue")).isEqualTo(-1);
		assertThat(progress.accept("out_time_us=7999999")).isEqualTo(99);
		assertThat(progress.accept("progress=end")).isEqualTo(100);
	}

	@Test
	void theShareNeverGoesBackNorBeyondAHundred() {
		FfmpegProgress progress = new FfmpegProgress(1000);
		assertThat(progress.accept("out_time_us=500000")).isEqualTo(50);
		assertThat(progress.accept("out_time_us=400000")).isEqualTo(-1);
		assertThat(progress.accept("out_time_us=500000")).isEqualTo(-1);
		assertThat(progress.accept("out_time_us=1500000")).isEqualTo(100);
		assertThat(progress.accept("progress=end")).isEqualTo(-1);
	}

	@Test
	void notAvailableTimesAndNegativeOnesDoNotCount() {
		FfmpegProgress progress = new FfmpegProgress(1000);
		assertThat(progress.accept("out_time_us=N/A")).isEqualTo(-1);
		assertThat(progress.accept("out_time_us=-23000")).isZero();
		assertThat(progress.accept("garbage")).isEqualTo(-1);
		assertThat(progress.accept("")).isEqualTo(-1);
	}

	@Test
	void anUnknownDurationOnlyReportsTheEnd() {
		FfmpegProgress progress = new FfmpegProgress(0);
		assertThat(progress.accept("out_time_us=5000000")).isEqualTo(-1);
		assertThat(progress.accept("progress=end")).isEqualTo(100);
	}

}
