package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A long upload through the page, by tus-js-client, while the network is cut and then the
 * stream-service crashes and comes back: the upload resumes from what reached the disk
 * each time and the stored file is the person's file, byte for byte.
 */
@Tag("browser")
class TusResumeTests {

	private static final long SIZE = 200L * 1024 * 1024;

	/** Slow enough that the crash lands mid-way, fast enough to finish in seconds. */
	private static final int THROUGHPUT = 24 * 1024 * 1024;

	private static final Pattern CREATION = Pattern.compile("POST /tus/videos/\\S+ 201");

	@TempDir
	Path work;

	@Test
	void a200MbUploadSurvivesACutNetworkAndAStreamServiceCrashAndArrivesByteForByte() throws Exception {
		Path film = paddedClip(this.work.resolve("long-film.mp4"));
		try (CuttableProxy line = CuttableProxy.listen();
				Site site = Site.start(this.work,
						Map.of("VIDEO_UPLOAD_MAX_SIZE", "300MB", "VIDEO_STREAM_URL",
								"http://127.0.0.1:" + line.port()));
				Browser browser = Browser.start()) {
			line.forwardTo(site.streamPort());
			browser.open(site.url() + "/#/");
			signUp(browser);
			assertThat(browser.find("#video-file-hint").getText()).contains("Up to 300 MB per video");
			ChromiumNetworkConditions throttled = new ChromiumNetworkConditions();
			throttled.setUploadThroughput(THROUGHPUT);
			throttled.setDownloadThroughput(THROUGHPUT);
			((ChromeDriver) browser.driver()).setNetworkConditions(throttled);
			browser.attach("#video-file", film);
			browser.fill("#video-title", "Long film");
			browser.button("Upload").click();

			Path tus = site.videoDir().resolve(".tus");
			cutTheNetwork(browser, line, awaitPartialUpload(tus, SIZE / 10));
			Path partial = awaitPartialUpload(tus, SIZE * 3 / 10);
			site.crashAndRestartStream();
			long onDisk = Files.size(partial);
			assertThat(onDisk).as("kept across the crash").isGreaterThanOrEqualTo(SIZE * 3 / 10).isLessThan(SIZE);

			List<Long> percents = awaitCompletion(browser);
			// The bar may show the last progress event from before the crash, which
			// can lag the 30 % on disk by a few MB; an upload that started again
			// would show far less.
			assertThat(percents).as("the bar goes on from the offset, never from 0").allMatch((p) -> p >= 25);
			String vid = browser.find(".form-message a[href^='#/watch/']").getDomAttribute("href").substring(8);
			Path stored = site.videoDir().resolve(vid);
			assertThat(Files.size(stored)).isEqualTo(SIZE);
			assertThat(sha256(stored)).isEqualTo(sha256(film));
			assertThat(partial).doesNotExist();
			String log = site.streamAccessLog();
			assertThat(CREATION.matcher(log).results().count()).as("one upload, resumed, not restarted").isEqualTo(1);
			assertThat(Pattern.compile("HEAD /tus/uploads/[0-9a-f]{32} 200").matcher(log).results().count())
				.as("resumed after the cut and after the crash")
				.isGreaterThanOrEqualTo(2);
			assertThat(site.get("/user/" + browser.find(".user-chip-name").getText() + "/videos")).contains(vid);
		}
	}

	/**
	 * Cuts the browser's connection to the stream-service until no byte arrives any more,
	 * then restores it: the upload must go on from the server's offset.
	 */
	private static void cutTheNetwork(Browser browser, CuttableProxy line, Path partial)
			throws IOException, InterruptedException {
		line.cut();
		long size = -1;
		for (int stable = 0; stable < 10; Thread.sleep(100)) {
			long now = Files.size(partial);
			stable = (now == size) ? stable + 1 : 0;
			size = now;
		}
		browser.waitFor(
				(driver) -> driver.findElement(By.id("upload-bytes")).getText().endsWith("connection lost, resuming…")
						? true : null);
		assertThat(size).as("the cut came mid-way").isLessThan(SIZE);
		line.restore();
	}

	private static void signUp(Browser browser) {
		String name = "filmmaker-" + ProcessHandle.current().pid();
		browser.find("a[href='#/register']").click();
		browser.fill("#user-name", name);
		browser.fill("#password", WebUiTests.PASSWORD);
		browser.button("Sign up").click();
		browser.waitForText("My videos");
	}

	/** The upload's file once the server holds {@code bytes} of it. */
	private static Path awaitPartialUpload(Path dir, long bytes) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Path> partial = Optional.empty();
			if (Files.isDirectory(dir)) {
				try (var files = Files.list(dir)) {
					partial = files.filter((file) -> file.toString().endsWith(".bin")).findFirst();
				}
			}
			if (partial.isPresent() && Files.size(partial.get()) >= bytes) {
				return partial.get();
			}
			Thread.sleep(10);
		}
		return fail("The upload did not reach " + bytes + " bytes on the server");
	}

	/** The percentages the bar showed until the upload completed. */
	private static List<Long> awaitCompletion(Browser browser) {
		List<Long> percents = new ArrayList<>();
		new WebDriverWait(browser.driver(), Duration.ofMinutes(5)).pollingEvery(Duration.ofMillis(200))
			.until((driver) -> {
				percents.add(Long.parseLong(driver.findElement(By.id("upload-progress")).getDomProperty("value")));
				return driver.findElement(By.id("main")).getText().contains("Upload complete") ? true : null;
			});
		return percents;
	}

	/**
	 * The test clip followed by a {@code free} box of random bytes up to {@link #SIZE}:
	 * still a valid MP4 whose moov comes first, so it is stored unchanged.
	 */
	private static Path paddedClip(Path file) throws IOException {
		byte[] clip;
		try (InputStream in = TusResumeTests.class.getResourceAsStream("/clip.mp4")) {
			clip = in.readAllBytes();
		}
		long free = SIZE - clip.length;
		Random random = new Random(200);
		byte[] block = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(clip);
			out.write(ByteBuffer.allocate(8).putInt((int) free).put(new byte[] { 'f', 'r', 'e', 'e' }).array());
			for (long left = free - 8; left > 0; left -= block.length) {
				random.nextBytes(block);
				out.write(block, 0, (int) Math.min(block.length, left));
			}
		}
		return file;
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
