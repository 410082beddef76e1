package io.videoserver.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way of a video no browser plays as uploaded: a phone's HEVC {@code .mov}
 * (with AAC sound) goes up through the page, the stream-service queues it, the
 * scheduler-service's transcoder makes its ladder, and the watch page, open all along,
 * shows the progress and then plays the ladder through hls.js, seeks, and switches
 * quality from its menu.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscodePlaybackTests {

	@TempDir
	static Path work;

	@AutoClose
	private Site site;

	@AutoClose
	private Browser browser;

	@BeforeAll
	void startSite() throws Exception {
		this.site = Site.start(work, Map.of("VIDEO_TRANSCODE_INTERVAL", "300ms", "VIDEO_TRANSCODE_PROGRESS_INTERVAL",
				"500ms", "VIDEO_TRANSCODE_WORK_DIR", Files.createDirectories(work.resolve("transcode")).toString()));
		this.site.startScheduler();
		this.browser = Browser.start();
	}

	@Test
	void anHevcMovUploadedThroughThePageIsProcessedThenPlaysItsLadderWithASeekAndAQualitySwitch() throws Exception {
		Path mov = phoneVideo();
		this.browser.open(this.site.url() + "/#/");
		this.browser.signUp("traveller");
		this.browser.attach("#video-file", mov);
		this.browser.fill("#video-title", "Phone clip in HEVC");
		this.browser.button("Upload").click();
		this.browser.waitForText("Upload complete");
		this.browser.find(".form-message a[href^='#/watch/']").click();
		this.browser.find(".stage");
		String vid = this.browser.driver().getCurrentUrl().replaceAll(".*#/watch/", "");
		this.browser.script("window.stillTheSamePage = true");

		WebElement menu = new WebDriverWait(this.browser.driver(), Duration.ofMinutes(4))
			.until((driver) -> driver.findElements(By.id("quality"))
				.stream()
				.filter((select) -> select.findElements(By.tagName("option")).size() > 1)
				.findFirst()
				.orElse(null));
		assertThat(this.browser.script("return window.stillTheSamePage === true"))
			.as("the page went from processing to the player without a reload")
			.isEqualTo(true);
		List<String> options = new Select(menu).getOptions().stream().map(WebElement::getText).toList();
		assertThat(options).as("a 640x480 source makes a 480p and a 240p rung").endsWith("480p", "240p");
		assertThat(this.site.get("/videos/" + vid)).contains("\"state\":\"ready\"").contains("\"playable\":true");

		Map<?, ?> played = this.browser.play();
		assertThat(played.get("ok")).as("playback of the ladder: %s", played).isEqualTo(true);
		Map<?, ?> sought = this.browser.seek(4.0);
		assertThat(((Number) sought.get("time")).doubleValue()).isBetween(3.9, 4.1);
		new Select(this.browser.find("#quality")).selectByVisibleText("240p");
		this.browser.waitFor((driver) -> Long.valueOf(240)
			.equals(this.browser.script("return document.getElementById('player').videoHeight")) ? true : null);
		this.browser.screenshot("22-transcoded-hls");
		assertThat(this.site.streamAccessLog()).containsPattern("GET /videos/" + vid + "/hls/[a-z0-9]+/master.m3u8 200")
			.containsPattern("GET /videos/" + vid + "/hls/[a-z0-9]+/r240-[0-9]{5}\\.m4s 200");
	}

	/**
	 * Six seconds of 640x480 HEVC with AAC sound in a QuickTime file, as a phone makes.
	 */
	private static Path phoneVideo() throws IOException, InterruptedException {
		if (!Files.isExecutable(Path.of(HlsPlaybackTests.FFMPEG))) {
			throw new IllegalStateException(
					HlsPlaybackTests.FFMPEG + " is missing: apt-get install -y ffmpeg (or -De2e.ffmpeg=…)");
		}
		Path mov = work.resolve("Phone clip.mov");
		Process ffmpeg = new ProcessBuilder(HlsPlaybackTests.FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i",
				"testsrc2=size=640x480:rate=15:duration=6", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
				"-c:v", "libx265", "-tag:v", "hvc1", "-crf", "40", "-preset", "fast", "-x265-params", "log-level=error",
				"-c:a", "aac", "-b:a", "32k", "-shortest", mov.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("mov-ffmpeg.log").toFile())
			.start();
		if (!ffmpeg.waitFor(1, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
			ffmpeg.destroyForcibly();
			throw new IllegalStateException("ffmpeg failed: " + Files.readString(work.resolve("mov-ffmpeg.log")));
		}
		assertThat(Files.size(mov)).as("within the site's upload limit").isLessThan(Site.UPLOAD_LIMIT_KB * 1000L);
		return mov;
	}

}
