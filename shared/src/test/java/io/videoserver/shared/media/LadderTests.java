package io.videoserver.shared.media;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LadderTests {

	@Test
	void aFullHdSourceGetsEveryRung() {
		assertThat(Ladder.of(source(1920, 1080, 0, 30, "aac"))).containsExactly(new Rendition(240, 320, 128),
				new Rendition(480, 1500, 128), new Rendition(720, 2800, 128), new Rendition(1080, 5200, 128));
	}

	@Test
	void noRungIsLargerThanTheSourcesShorterSide() {
		assertThat(heights(Ladder.of(source(3840, 2160, 0, 30, "aac")))).containsExactly(240, 480, 720, 1080);
		assertThat(heights(Ladder.of(source(1280, 720, 0, 30, "aac")))).containsExactly(240, 480, 720);
		assertThat(heights(Ladder.of(source(1280, 719, 0, 30, "aac")))).containsExactly(240, 480, 718);
		assertThat(heights(Ladder.of(source(640, 360, 0, 30, "aac")))).containsExactly(240, 360);
		assertThat(heights(Ladder.of(source(1024, 576, 0, 30, "aac")))).containsExactly(240, 480);
		assertThat(heights(Ladder.of(source(1280, 640, 0, 30, "aac")))).containsExactly(240, 480, 640);
		assertThat(heights(Ladder.of(source(640, 280, 0, 30, "aac")))).containsExactly(240);
		assertThat(heights(Ladder.of(source(320, 240, 0, 30, "aac")))).containsExactly(240);
	}

	@Test
	void aSourceWellBetweenTwoRungsKeepsItsOwnSizeAtTheTopWithABitrateScaledByArea() {
		assertThat(Ladder.of(source(640, 360, 0, 30, "aac"))).containsExactly(new Rendition(240, 320, 128),
				new Rendition(360, 720, 128));
	}

	@Test
	void aPortraitVideoIsMeasuredByItsWidth() {
		assertThat(heights(Ladder.of(source(1080, 1920, 0, 30, "aac")))).containsExactly(240, 480, 720, 1080);
		assertThat(heights(Ladder.of(source(720, 1280, 0, 30, "aac")))).containsExactly(240, 480, 720);
	}

	@Test
	void theRotationFlagDecidesWhichSideIsShown() {
		// 1280x720 coded, shown turned: 720 wide, 1280 tall; the shorter side is still
		// 720.
		assertThat(heights(Ladder.of(source(1280, 720, 90, 30, "aac")))).containsExactly(240, 480, 720);
		assertThat(heights(Ladder.of(source(320, 240, 270, 30, "aac")))).containsExactly(240);
	}

	@Test
	void aSmallSourceGetsOneRungOfItsOwnEvenSize() {
		assertThat(Ladder.of(source(212, 119, 0, 30, "aac"))).containsExactly(new Rendition(118, 100, 128));
		assertThat(Ladder.of(source(320, 180, 0, 30, "aac"))).containsExactly(new Rendition(180, 180, 128));
	}

	@Test
	void aTinySourceGetsTheSmallestRungTheStoreCanName() {
		assertThat(heights(Ladder.of(source(64, 48, 0, 30, "aac")))).containsExactly(100);
	}

	@Test
	void aSourceWithoutSoundGetsNoAudioBitrate() {
		assertThat(Ladder.of(source(854, 480, 0, 30, null))).extracting(Rendition::audioKbps).containsOnly(0);
	}

	@Test
	void moreThanThirtyFramesASecondGetMoreBits() {
		assertThat(Ladder.of(source(1280, 720, 0, 60, "aac"))).extracting(Rendition::videoKbps)
			.containsExactly(448, 2100, 3920);
		assertThat(Ladder.of(source(1280, 720, 0, 30000.0 / 1001, "aac"))).extracting(Rendition::videoKbps)
			.containsExactly(320, 1500, 2800);
	}

	@Test
	void aRungIsAnEvenSizeTheStoreCanName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rendition(99, 100, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rendition(241, 100, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rendition(10000, 100, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rendition(240, 0, 0));
		assertThat(new Rendition(240, 320, 128).playlist()).isEqualTo("r240.m3u8");
	}

	private static List<Integer> heights(List<Rendition> rungs) {
		return rungs.stream().map(Rendition::height).toList();
	}

	static MediaInfo source(int width, int height, int rotation, double rate, String audio) {
		return new MediaInfo("mov,mp4,m4a,3gp,3g2,mj2", 10_000, "h264", width, height, rotation, rate, false, audio);
	}

}
