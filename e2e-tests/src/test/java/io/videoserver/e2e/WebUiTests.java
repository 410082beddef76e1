package io.videoserver.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does on the site, in a real browser: sign up, upload with a progress bar,
 * play and seek, comment, delete; and the messages they get when something goes wrong.
 * Screenshots of each page go to target/screenshots.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTests {

	static final String PASSWORD = "correct horse battery";

	private static final String[] SEEDED = { "Sunrise over the harbour", "Morning run through the park",
			"Sourdough bread, start to finish", "Drone flight over the hills", "Cat versus laser pointer",
			"Street musicians in the old town", "Rainy window timelapse", "Learning to juggle: day 30",
			"Mountain lake at dusk", "Bike repair: fixing a flat", "Night market food tour",
			"Autumn leaves in slow motion", "Tiny house tour" };

	@TempDir
	static Path work;

	private final byte[] clip = TestClip.bytes();

	@AutoClose
	private Site site;

	@AutoClose
	private Browser browser;

	private List<String> seeded;

	private int users;

	@BeforeAll
	void startSite() throws Exception {
		this.site = Site.start(work);
		this.seeded = this.site.seedVideos("maria", this.clip, Arrays.copyOfRange(SEEDED, 0, 7));
		this.site.seedVideos("jonas", this.clip, Arrays.copyOfRange(SEEDED, 7, SEEDED.length));
		this.browser = Browser.start();
	}

	@BeforeEach
	void freshVisitor() {
		this.browser.visitAfresh(this.site.url());
	}

	@Test
	void aPersonSignsUpUploadsWatchesSeeksCommentsAndDeletes() throws Exception {
		String name = signUp();
		this.browser.screenshot("03-my-videos-empty");

		Path file = work.resolve("Harbour at dawn.mp4");
		Files.write(file, this.clip);
		this.browser.attach("#video-file", file);
		assertThat(this.browser.find("#video-title").getDomProperty("value")).isEqualTo("Harbour at dawn");
		this.browser.fill("#video-title", "My first upload");
		this.browser.button("Upload").click();
		this.browser
			.waitFor((driver) -> "100".equals(driver.findElement(By.id("upload-progress")).getDomProperty("value")));
		assertThat(this.browser.find("#upload-percent").getText()).isEqualTo("100 %");
		this.browser.waitForText("Upload complete");
		assertThat(this.browser.find("#upload-bytes").getText()).isEqualTo("47 KB uploaded");
		assertThat(accessLog()).as("sent by tus-js-client")
			.containsPattern("POST /tus/videos/\\S+ 201")
			.containsPattern("PATCH /tus/uploads/[0-9a-f]{32} 204");
		Matcher created = Pattern.compile("\\[([0-9a-f]{32})].*POST /user/" + Pattern.quote(name) + "/videos 201")
			.matcher(this.site.logs());
		assertThat(created.find()).as("the api-service logged the creation under the page's request id").isTrue();
		assertThat(this.site.logs()).as("the stream-service logged the upload under the same id")
			.containsPattern("\\[" + created.group(1) + "].*POST /tus/videos/\\S+ 201");
		this.browser.find(".card-title");
		this.browser.screenshot("04-upload-complete");

		this.browser.find(".card-link").click();
		this.browser.find("#player");
		String videoId = this.browser.driver().getCurrentUrl().replaceAll(".*#/watch/", "");
		Map<?, ?> played = this.browser.play();
		assertThat(played.get("ok")).as("playback: %s", played).isEqualTo(true);
		assertThat(((Number) played.get("duration")).doubleValue()).isBetween(9.5, 10.5);
		Map<?, ?> sought = this.browser.seek(7);
		assertThat(((Number) sought.get("time")).doubleValue()).as("after seeking: %s", sought).isBetween(6.9, 8.0);
		this.browser.waitFor((driver) -> accessLog().contains("GET /videos/" + videoId + " 206 bytes=") ? true : null);
		this.browser.script("window.scrollTo(0, 0)");
		this.browser.screenshot("05-watch");

		this.browser.script("window.notReloaded = true");
		this.browser.fill("#comment-text", "Lovely colours in the first seconds!");
		this.browser.button("Post comment").click();
		this.browser.waitFor(
				(driver) -> driver.findElement(By.id("comments")).getText().contains("Lovely colours") ? true : null);
		assertThat(this.browser.script("return window.notReloaded === true")).isEqualTo(true);
		this.browser.script("document.getElementById('comments-heading').scrollIntoView()");
		this.browser.screenshot("06-comment-posted");

		this.browser.driver().navigate().refresh();
		assertThat(this.browser.find(".user-chip-name").getText()).as("logged in after a reload").isEqualTo(name);
		this.browser.waitFor(
				(driver) -> driver.findElement(By.id("comments")).getText().contains("Lovely colours") ? true : null);
		assertThat(this.browser.script("return document.cookie")).asString().doesNotContain("video_session");

		this.browser.find("#delete-video").click();
		this.browser.find("dialog[open] #confirm-delete");
		this.browser.screenshot("07-delete-confirm");
		this.browser.find("#confirm-delete").click();
		this.browser.waitForText("You have not uploaded any videos yet");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("#/user/" + name);
		this.browser.screenshot("08-my-videos-after-delete");
		assertThat(this.site.status("/videos/" + videoId)).isEqualTo(404);
		assertThat(this.site.queuedForDeletion(videoId)).isTrue();
		this.browser.open(this.site.url() + "/#/");
		this.browser.waitForText("Latest videos");
		assertThat(this.browser.find("#main").getText()).doesNotContain("My first upload");
	}

	@Test
	void homeListsAllVideosNewestFirstAndLoadsMore() throws Exception {
		this.browser.waitForText("Latest videos");
		this.browser.waitFor((driver) -> driver.findElements(By.cssSelector(".card")).size() == 12 ? true : null);
		assertThat(titles().get(0)).isEqualTo(SEEDED[SEEDED.length - 1]);
		this.browser.screenshot("01-home");
		this.browser.button("Load more").click();
		this.browser
			.waitFor((driver) -> driver.findElements(By.cssSelector(".card")).size() >= SEEDED.length ? true : null);
		assertThat(titles()).containsSubsequence(SEEDED[SEEDED.length - 1], SEEDED[1], SEEDED[0]);
		assertThat(titles()).doesNotHaveDuplicates();
	}

	@Test
	void aVisitorWatchesAndIsAskedToLogInToComment() throws Exception {
		this.browser.open(this.site.url() + "/#/watch/" + this.seeded.get(2));
		this.browser.find("#player");
		this.browser.waitForText("Log in to join the conversation");
		assertThat(this.browser.find("h1").getText()).isEqualTo(SEEDED[2]);
		assertThat(this.browser.driver().findElements(By.id("delete-video"))).isEmpty();
		this.browser.find(".side-item");
		this.browser.screenshot("09-watch-as-visitor");
	}

	@Test
	void pagesWorkAtPhoneWidth() throws Exception {
		this.browser.resize(390, 844);
		this.browser.open(this.site.url() + "/#/");
		this.browser.find(".card");
		assertThat(horizontalOverflow()).isFalse();
		this.browser.screenshot("10-phone-home");
		this.browser.open(this.site.url() + "/#/watch/" + this.seeded.get(0));
		this.browser.find("#player");
		this.browser.find(".side-item");
		assertThat(horizontalOverflow()).isFalse();
		this.browser.screenshot("11-phone-watch");
		this.browser.open(this.site.url() + "/#/login");
		this.browser.find("#user-name");
		assertThat(horizontalOverflow()).isFalse();
		this.browser.screenshot("12-phone-login");
	}

	@Test
	void aSessionThatEndsElsewhereLeadsToTheLogInPageAndBack() throws Exception {
		this.browser.logIn("jonas");
		String watch = "#/watch/" + this.seeded.get(1);
		this.browser.open(this.site.url() + "/" + watch);
		this.browser.find("#comment-text");
		String sessionId = this.browser.driver().manage().getCookieNamed("video_session").getValue();
		assertThat(this.site.logOut(sessionId)).isEqualTo(204);
		this.browser.fill("#comment-text", "Posted after logging in again");
		this.browser.button("Post comment").click();
		this.browser.waitForText("Log in");
		assertThat(this.browser.find(".toast").getText()).isEqualTo("Your session has ended. Please log in again.");
		this.browser.fill("#user-name", "jonas");
		this.browser.fill("#password", PASSWORD);
		this.browser.button("Log in").click();
		this.browser.waitFor((driver) -> driver.getCurrentUrl().endsWith(watch) ? true : null);
		this.browser.find("#comment-text");
		assertThat(this.site.logs()).doesNotContain(sessionId);
	}

	@Test
	void wrongPasswordShowsAReadableMessage() throws Exception {
		this.browser.find("a[href='#/login']").click();
		this.browser.fill("#user-name", "maria");
		this.browser.fill("#password", "not the password");
		this.browser.button("Log in").click();
		assertThat(this.browser.find("[role=alert]").getText()).isEqualTo("User name or password is not correct");
		this.browser.screenshot("13-login-error");
	}

	@Test
	void logInLogOutAndTheSessionSurvivesAReload() throws Exception {
		this.browser.find("a[href='#/login']").click();
		this.browser.fill("#user-name", "maria");
		this.browser.fill("#password", PASSWORD);
		this.browser.screenshot("02-log-in");
		this.browser.button("Log in").click();
		this.browser.waitForText("My videos");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("#/user/maria").doesNotContain("session");
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.find(".user-chip-name").getText()).isEqualTo("maria");
		this.browser.button("Log out").click();
		this.browser.find("a[href='#/login']");
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.find("a[href='#/login']").isDisplayed()).isTrue();
		assertThat(this.browser.driver().findElements(By.cssSelector(".user-chip"))).isEmpty();
	}

	@Test
	void uploadsThatTheStreamServiceRefusesShowWhy() throws Exception {
		String name = signUp();
		Path notAVideo = work.resolve("notes.mp4");
		Files.writeString(notAVideo, "these are my notes, not a video");
		upload(notAVideo, "Not really a video");
		assertThat(this.browser.find("[role=alert]").getText()).contains("not a video the site can read");
		this.browser.screenshot("14-upload-not-mp4");

		assertThat(this.browser.find("#video-file-hint").getText())
			.contains("Up to " + Site.UPLOAD_LIMIT_KB + " KB per video");
		Path tooLarge = work.resolve("huge.mp4");
		byte[] big = Arrays.copyOf(this.clip, (Site.UPLOAD_LIMIT_KB + 20) * 1024);
		Files.write(tooLarge, big);
		this.browser.attach("#video-file", tooLarge);
		assertThat(this.browser.find("[role=alert]").getText()).as("refused as soon as it is chosen")
			.isEqualTo("This file is 220 KB, more than the " + Site.UPLOAD_LIMIT_KB + " KB a video may have.");
		this.browser.fill("#video-title", "Far too long");
		this.browser.button("Upload").click();
		assertThat(this.browser.find("[role=alert]").getText())
			.isEqualTo("This file is 220 KB, more than the " + Site.UPLOAD_LIMIT_KB + " KB a video may have.");
		this.browser.screenshot("15-upload-too-large");
		this.browser.waitFor((driver) -> body("/user/" + name + "/videos").contains("\"videos\":[]") ? true : null);
	}

	@Test
	void aMoovLastUploadPlaysAtOnceFromTheStartOfItsFileWithItsPoster() throws Exception {
		signUp();
		assertThat(this.browser.find("#storage-text").getText()).isEqualTo("0 bytes of 10 GB used · 10 GB available");
		byte[] moovLast = Mp4Boxes.moovLast(this.clip);
		assertThat(Mp4Boxes.types(moovLast)).containsExactly("ftyp", "free", "mdat", "moov");
		Path file = work.resolve("Recorded on a phone.mp4");
		Files.write(file, moovLast);
		upload(file, "Recorded on a phone");
		this.browser.waitForText("Upload complete");
		this.browser
			.waitFor((driver) -> driver.findElement(By.id("storage-text")).getText().startsWith("47 KB of 10 GB used")
					? true : null);
		this.browser.waitFor((driver) -> (Boolean) this.browser.script(
				"const image = document.querySelector('.card .thumb-image'); return image !== null && image.complete && image.naturalWidth === 320"));
		this.browser.screenshot("18-poster-and-storage");

		this.browser.find(".card-link").click();
		this.browser.find("#player");
		String videoId = this.browser.driver().getCurrentUrl().replaceAll(".*#/watch/", "");
		assertThat(this.browser.find("#player").getDomAttribute("poster")).startsWith("/videos/" + videoId + "/poster");
		Map<?, ?> played = this.browser.play();
		assertThat(played.get("ok")).as("playback: %s", played).isEqualTo(true);
		List<Long> starts = rangeStarts(videoId);
		assertThat(starts).as("the player's requests until it played").isNotEmpty().startsWith(0L);
		assertThat(starts).as("no request reached into the second half of the file, where the moov was")
			.allSatisfy((start) -> assertThat(start).isLessThan(moovLast.length / 2));

		byte[] stored = this.site.streamBytes("/videos/" + videoId);
		assertThat(stored).hasSameSizeAs(moovLast);
		assertThat(Mp4Boxes.types(stored)).as("stored in faststart order").containsSubsequence("ftyp", "moov", "mdat");
		assertThat(this.site.contentType("/videos/" + videoId + "/poster")).isEqualTo("image/jpeg");
		deleteTheVideoOnThisPage();
	}

	@Test
	void aFileOverTheStorageLeftIsRefusedBeforeItIsSent() throws Exception {
		String name = signUp();
		this.site.setQuota(name, 60 * 1024);
		this.browser.driver().navigate().refresh();
		assertThat(this.browser.find("#storage-text").getText()).isEqualTo("0 bytes of 60 KB used · 60 KB available");
		assertThat(this.browser.find("#video-file-hint").getText()).contains("60 KB of your storage space left");
		Path file = work.resolve("First of two.mp4");
		Files.write(file, this.clip);
		upload(file, "First of two");
		this.browser.waitForText("Upload complete");
		this.browser.waitFor((driver) -> driver.findElement(By.id("storage-text"))
			.getText()
			.equals("47 KB of 60 KB used · 13 KB available") ? true : null);
		long requestsBefore = accessLog().lines().count();
		Path second = work.resolve("Second of two.mp4");
		Files.write(second, this.clip);
		upload(second, "Second of two");
		assertThat(this.browser.find("[role=alert]").getText()).isEqualTo(
				"This file is 47 KB, but only 13 KB of your storage space is left. Delete a video to make room.");
		this.browser.screenshot("19-upload-over-quota");
		assertThat(accessLog().lines().count()).as("nothing sent to the stream-service").isEqualTo(requestsBefore);
		this.browser.waitFor((driver) -> body("/user/" + name + "/videos").split("\"id\"").length == 2 ? true : null);
		this.browser.find(".card-link").click();
		deleteTheVideoOnThisPage();
		this.browser.waitFor((driver) -> driver.findElement(By.id("storage-text"))
			.getText()
			.equals("0 bytes of 60 KB used · 60 KB available") ? true : null);
	}

	@Test
	void aSlowUploadShowsItsProgressAndCanBeCancelled() throws Exception {
		String name = signUp();
		Path slow = work.resolve("long-recording.mp4");
		Files.write(slow, Arrays.copyOf(this.clip, 160 * 1024));
		ChromiumNetworkConditions throttled = new ChromiumNetworkConditions();
		throttled.setUploadThroughput(16 * 1024);
		throttled.setDownloadThroughput(1024 * 1024);
		throttled.setLatency(Duration.ofMillis(5));
		((ChromeDriver) this.browser.driver()).setNetworkConditions(throttled);
		try {
			upload(slow, "Long recording");
			this.browser.waitFor((driver) -> {
				long percent = Long.parseLong(driver.findElement(By.id("upload-progress")).getDomProperty("value"));
				return (percent >= 10 && percent < 90) ? true : null;
			});
			assertThat(this.browser.find("#upload-bytes").getText()).matches("\\d+ KB of 160 KB sent");
			this.browser.screenshot("17-upload-in-progress");
			this.browser.button("Cancel").click();
		}
		finally {
			((ChromeDriver) this.browser.driver()).deleteNetworkConditions();
		}
		assertThat(this.browser.find("[role=status].notice").getText()).isEqualTo("The upload was cancelled.");
		this.browser.waitFor((driver) -> body("/user/" + name + "/videos").contains("\"videos\":[]") ? true : null);
		// The page deletes the half-made video as soon as the upload is cancelled,
		// so the termination may find its video gone (404, and the upload is
		// removed then) or not yet (204): either way the upload's bytes must be
		// gone from the server.
		this.browser.waitFor(
				(driver) -> accessLog().matches("(?s).*DELETE /tus/uploads/[0-9a-f]{32} (204|404).*") ? true : null);
		try (Stream<Path> left = Files.list(this.site.videoDir().resolve(".tus"))) {
			assertThat(left.map(Path::toString)).as("partial uploads left on the server")
				.noneMatch((f) -> f.endsWith(".bin"));
		}
	}

	@Test
	void failuresReadAsSentences() {
		@SuppressWarnings("unchecked")
		Map<String, Object> messages = (Map<String, Object>) this.browser.asyncScript(
				"""
						const done = arguments[arguments.length - 1];
						import('/js/api.js').then(({ errorFrom }) => done({
							busy: errorFrom(429, { error: 'Too many requests', error_code: '010' }, '3').message,
							down: errorFrom(503, { error: 'Database unavailable', error_code: '012' }, '1').message,
							offline: errorFrom(0, null, null).message,
							fault: errorFrom(500, { error: 'boom', error_code: '004' }, null).message,
							forbidden: errorFrom(403, { error: 'Not yours', error_code: '007' }, null).message,
							tooLarge: errorFrom(413, { error: 'The video is larger than 204800 bytes', error_code: '008' }, null).message,
							noRoom: errorFrom(413, { error: 'The video (90000 bytes) does not fit in your storage quota: 30720 bytes left',
								error_code: '008' }, null).message,
						}));
						""");
		assertThat(messages).containsEntry("busy", "The server is busy right now. Please try again in 3 seconds.")
			.containsEntry("down", "The service is temporarily unavailable. Please try again in 1 second.")
			.containsEntry("offline", "Could not reach the server. Check your connection and try again.")
			.containsEntry("fault", "Something went wrong on our side. Please try again.")
			.containsEntry("forbidden", "You are not allowed to do that.")
			.containsEntry("tooLarge", "The file is too large: the limit is 200 KB.")
			.containsEntry("noRoom",
					"The file does not fit in your storage space: 30 KB left. Delete a video to make room.");
	}

	@Test
	void anUnknownVideoShowsANotFoundPage() throws Exception {
		this.browser.open(this.site.url() + "/#/watch/00000000-0000-4000-8000-000000000000");
		this.browser.waitForText("Not found");
		assertThat(this.browser.find("[role=alert]").getText()).contains("not found");
		this.browser.screenshot("16-not-found");
	}

	private String signUp() {
		String name = "viewer" + (++this.users) + "-" + ProcessHandle.current().pid();
		this.browser.signUp(name);
		assertThat(this.browser.find(".user-chip-name").getText()).isEqualTo(name);
		return name;
	}

	/**
	 * Deletes the watch page's video, so that the home page lists only seeded videos.
	 */
	private void deleteTheVideoOnThisPage() {
		this.browser.find("#delete-video").click();
		this.browser.find("#confirm-delete").click();
		this.browser.waitForText("Your uploads");
	}

	private void upload(Path file, String title) {
		this.browser.attach("#video-file", file);
		this.browser.fill("#video-title", title);
		this.browser.button("Upload").click();
	}

	private String body(String path) {
		try {
			return this.site.get(path);
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private String accessLog() {
		try {
			return this.site.streamAccessLog();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Where each of the player's requests for the video began, from the stream-service's
	 * access log ({@code GET /videos/{id} 206 bytes=0-}).
	 */
	private List<Long> rangeStarts(String videoId) {
		return accessLog().lines()
			.filter((line) -> line.startsWith("GET /videos/" + videoId + " "))
			.map((line) -> line.replaceAll(".* bytes=(\\d+)-.*", "$1"))
			.map((start) -> start.matches("\\d+") ? Long.parseLong(start) : 0L)
			.toList();
	}

	private List<String> titles() {
		return this.browser.driver()
			.findElements(By.cssSelector(".card-title"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private boolean horizontalOverflow() {
		return (Boolean) this.browser.script("return document.documentElement.scrollWidth > window.innerWidth");
	}

}
