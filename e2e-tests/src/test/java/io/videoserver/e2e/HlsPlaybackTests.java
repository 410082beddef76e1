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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's side of transcoding, without a transcoder: the test writes what the
 * scheduler-service's transcoder would (the queue's row in the database, a ladder made
 * with ffmpeg into the stream-service's video directory), and the page must play the
 * ladder through hls.js with a working quality menu, and show a video's processing
 * progress until it can play, then start the player without a reload.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HlsPlaybackTests {

	/** Debian's ffmpeg makes the test's ladder; {@code -De2e.ffmpeg=…} names another. */
	static final String FFMPEG = System.getProperty("e2e.ffmpeg", "/usr/bin/ffmpeg");

	private static final String VERSION = "e2e1";

	@TempDir
	static Path work;

	private final byte[] clip = TestClip.bytes();

	@AutoClose
	private Site site;

	@AutoClose
	private Browser browser;

	@BeforeAll
	void startSite() throws Exception {
		this.site = Site.start(work);
		this.browser = Browser.start();
	}

	@BeforeEach
	void home() {
		this.browser.resize(1280, 900);
		this.browser.open(this.site.url() + "/#/");
	}

	@Test
	void aPublishedLadderPlaysThroughHlsJsWithAQualityMenuThatSwitchesRenditions() throws Exception {
		String vid = this.site.seedVideos("lena", this.clip, "Harbour in two qualities").get(0);
		writeLadder(vid);
		transcode(vid, "upload", "ready", 100, null, VERSION, "240,144");

		this.browser.open(this.site.url() + "/#/watch/" + vid);
		WebElement menu = this.browser.find("#quality");
		List<String> options = new Select(menu).getOptions().stream().map(WebElement::getText).toList();
		assertThat(options).as("Auto, then the ladder's rungs, highest first")
			.hasSize(3)
			.endsWith("240p", "144p")
			.first()
			.asString()
			.startsWith("Auto");
		assertThat(this.browser.script("return document.querySelector('.player-box').dataset.source")).isEqualTo("hls");
		Map<?, ?> played = this.browser.play();
		assertThat(played.get("ok")).as("playback of the ladder: %s", played).isEqualTo(true);
		assertThat((String) this.browser.script("return document.getElementById('player').currentSrc"))
			.as("hls.js feeds the player a Media Source")
			.startsWith("blob:");
		this.browser.screenshot("20-hls-quality-menu");

		for (String height : List.of("144", "240")) {
			new Select(this.browser.find("#quality")).selectByVisibleText(height + "p");
			this.browser.waitFor((driver) -> height.equals(
					this.browser.script("return document.querySelector('.player-box').dataset.height")) ? true : null);
			this.browser.waitFor((driver) -> Long.valueOf(height)
				.equals(this.browser.script("return document.getElementById('player').videoHeight")) ? true : null);
		}
		new Select(this.browser.find("#quality")).selectByValue("-1");
		assertThat(new Select(this.browser.find("#quality")).getFirstSelectedOption().getText()).startsWith("Auto");

		assertThat(this.site.streamAccessLog()).as("the ladder came from the stream-service")
			.contains("GET /videos/" + vid + "/hls/" + VERSION + "/master.m3u8 200")
			.containsPattern("GET /videos/" + vid + "/hls/" + VERSION + "/r144-0000[0-9]\\.m4s 200")
			.containsPattern("GET /videos/" + vid + "/hls/" + VERSION + "/r240-0000[0-9]\\.m4s 200");
	}

	@Test
	void aVideoBeingProcessedShowsItsProgressAndStartsPlayingWhenReadyWithoutAReload() throws Exception {
		String vid = this.site.seedVideos("omar", this.clip, "Still being processed").get(0);
		transcode(vid, "upload", "running", 42, null, null, null);

		this.browser.open(this.site.url() + "/#/user/omar");
		assertThat(badge("Still being processed")).isEqualTo("Processing 42 %");

		this.browser.open(this.site.url() + "/#/watch/" + vid);
		assertThat(this.browser.find("#processing-text").getText()).isEqualTo("Processing… 42 %");
		assertThat(this.browser.driver().findElements(By.id("player"))).as("nothing to play yet").isEmpty();
		this.browser.script("window.stillTheSamePage = true");
		this.browser.screenshot("21-processing");

		transcode(vid, "upload", "running", 77, null, null, null);
		this.browser.waitFor(
				(driver) -> "Processing… 77 %".equals(this.browser.find("#processing-text").getText()) ? true : null);
		assertThat(this.browser.find("#processing-progress").getDomProperty("value")).isEqualTo("77");

		transcode(vid, "upload", "ready", 100, null, null, null);
		this.browser.find("#player");
		assertThat(this.browser.script("return window.stillTheSamePage === true")).as("no reload").isEqualTo(true);
		Map<?, ?> played = this.browser.play();
		assertThat(played.get("ok")).as("playback of the MP4 once ready: %s", played).isEqualTo(true);
	}

	@Test
	void aFailedVideoSaysWhyOnItsPageAndItsCard() throws Exception {
		String vid = this.site.seedVideos("ines", this.clip, "Could not be read").get(0);
		transcode(vid, "upload", "failed", 37, "The file ends in the middle of a frame", null, null);

		this.browser.open(this.site.url() + "/#/user/ines");
		assertThat(badge("Could not be read")).isEqualTo("Processing failed");
		this.browser.open(this.site.url() + "/#/watch/" + vid);
		assertThat(this.browser.find("#processing-error").getText())
			.isEqualTo("This video could not be processed: The file ends in the middle of a frame");
		assertThat(this.browser.driver().findElements(By.id("player"))).isEmpty();
	}

	@Test
	void anMp4StillBeingMadeIntoALadderPlaysAtOnceWithAProgressNote() throws Exception {
		String vid = this.site.seedVideos("pavel", this.clip, "Plays while processed").get(0);
		transcode(vid, "video", "queued", 0, null, null, null);

		this.browser.open(this.site.url() + "/#/watch/" + vid);
		this.browser.find("#player");
		assertThat(this.browser.find("#processing-note").getText()).isEqualTo("Preparing more qualities… 0 %");
		Map<?, ?> played = this.browser.play();
		assertThat(played.get("ok")).as("the stored MP4 plays meanwhile: %s", played).isEqualTo(true);
		transcode(vid, "video", "running", 55, null, null, null);
		this.browser.waitFor(
				(driver) -> "Preparing more qualities… 55 %".equals(this.browser.find("#processing-note").getText())
						? true : null);
	}

	/** The badge on the card of a video, once the list shows it. */
	private String badge(String title) {
		return this.browser.waitFor((driver) -> {
			try {
				return driver.findElements(By.cssSelector(".card"))
					.stream()
					.filter((card) -> card.findElement(By.cssSelector(".card-title")).getText().equals(title))
					.map((card) -> card.findElement(By.cssSelector(".badge")).getText())
					.findFirst()
					.orElse(null);
			}
			catch (StaleElementReferenceException | NoSuchElementException ex) {
				return null; // the list is being drawn again
			}
		});
	}

	/**
	 * Writes the queue's row as the transcoder would (the upload may have queued one).
	 */
	private void transcode(String vid, String source, String state, int progress, String error, String version,
			String renditions) throws Exception {
		this.site
			.update("""
					INSERT INTO video_transcode (video_id, source, state, progress, last_error, hls_version, renditions)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE source = VALUES(source), state = VALUES(state), progress = VALUES(progress),
					  last_error = VALUES(last_error), hls_version = VALUES(hls_version), renditions = VALUES(renditions)""",
					vid, source, state, progress, error, version, renditions);
	}

	/**
	 * Makes a two-rung ladder (240p, 144p; 2 s CMAF segments) of the test clip where the
	 * store keeps a published one: {@code {vid}.hls/{version}/}, named as
	 * shared.store.VideoLayout names its files.
	 */
	private void writeLadder(String vid) throws IOException, InterruptedException {
		if (!Files.isExecutable(Path.of(FFMPEG))) {
			throw new IllegalStateException(FFMPEG + " is missing: apt-get install -y ffmpeg (or -De2e.ffmpeg=…)");
		}
		Path source = Files.write(work.resolve(vid + "-source.mp4"), this.clip);
		Path ladder = Files.createDirectories(this.site.videoDir().resolve(vid + ".hls").resolve(VERSION));
		Process ffmpeg = new ProcessBuilder(FFMPEG, "-v", "error", "-y", "-i", source.toString(), "-filter_complex",
				"[0:v]split=2[a][b];[b]scale=-2:144[c]", "-map", "[a]", "-map", "[c]", "-c:v", "libx264", "-profile:v",
				"baseline", "-pix_fmt", "yuv420p", "-g", "20", "-keyint_min", "20", "-sc_threshold", "0", "-b:v:0",
				"300k", "-b:v:1", "120k", "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
				"-hls_segment_type", "fmp4", "-start_number", "0", "-hls_fmp4_init_filename", "r%v-init.mp4",
				"-hls_segment_filename", "r%v-%05d.m4s", "-master_pl_name", "master.m3u8", "-var_stream_map",
				"v:0,name:240 v:1,name:144", "r%v.m3u8")
			.directory(ladder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve(vid + "-ffmpeg.log").toFile())
			.start();
		if (!ffmpeg.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
			ffmpeg.destroyForcibly();
			throw new IllegalStateException("ffmpeg failed: " + Files.readString(work.resolve(vid + "-ffmpeg.log")));
		}
		assertThat(ladder.resolve("master.m3u8")).exists();
		assertThat(ladder.resolve("r144-00000.m4s")).exists();
	}

}
