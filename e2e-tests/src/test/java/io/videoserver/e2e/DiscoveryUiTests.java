package io.videoserver.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding and sharing videos (issue 18) in real browsers: search, watch and the view
 * count going up; the owner's edit form (privacy hides a video); the Share button; the
 * embed page in another site's iframe while the watch page refuses to be framed.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryUiTests {

	@TempDir
	static Path work;

	private final byte[] clip = TestClip.bytes();

	@AutoClose
	private Site site;

	/** The person who uploads and edits. */
	@AutoClose
	private Browser owner;

	/** Another browser session: an anonymous visitor. */
	@AutoClose
	private Browser visitor;

	private int users;

	@BeforeAll
	void startSite() throws Exception {
		this.site = Site.start(work);
		this.owner = Browser.start();
		this.visitor = Browser.start();
	}

	@BeforeEach
	void freshSessions() {
		for (Browser browser : List.of(this.owner, this.visitor)) {
			browser.visitAfresh(this.site.url());
		}
	}

	@Test
	void aVisitorSearchesWatchesAndTheViewCountGoesUp() throws Exception {
		String word = "xylophone" + Long.toString(System.nanoTime(), 36);
		signUp(this.owner);
		Path file = work.resolve("lighthouse.mp4");
		Files.write(file, this.clip);
		this.owner.attach("#video-file", file);
		this.owner.fill("#video-title", "Lighthouse " + word + " at dusk");
		this.owner.fill("#video-description", "Waves, gulls and a <b>very</b> old lamp.\nSecond line.");
		this.owner.fill("#video-tags", "Sea,  Old  Lamps , sea");
		this.owner.button("Upload").click();
		this.owner.waitForText("Upload complete");
		String vid = this.owner.find(".form-message a").getAttribute("href").replaceAll(".*#/watch/", "");
		assertThat(this.site.get("/videos/" + vid)).as("created with the form's details")
			.contains("\"views\":0")
			.as("tags normalised, in name order")
			.contains("\"tags\":[\"old lamps\",\"sea\"]")
			.contains("\"privacy\":\"public\"");

		this.visitor.fill("#search-input", word);
		this.visitor.button("Search").click();
		this.visitor.waitFor((driver) -> driver.getCurrentUrl().contains("#/search?q=" + word) ? true : null);
		waitForHeading(this.visitor, "Results for \u201c" + word + "\u201d");
		WebElement card = this.visitor.find(".card-link");
		assertThat(card.getText()).contains("Lighthouse " + word + " at dusk").contains("0 views").contains("0:10");
		this.visitor.screenshot("23-search-results");
		card.click();
		this.visitor.find("#player");
		assertThat(this.visitor.find("#video-description").getText()).as("the description is text, never HTML")
			.isEqualTo("Waves, gulls and a <b>very</b> old lamp.\nSecond line.");
		assertThat(this.visitor.driver().findElements(By.cssSelector("#video-description b"))).isEmpty();
		assertThat(this.visitor.find("#video-duration").getText()).isEqualTo("0:10");
		assertThat(this.visitor.find("#video-size").getText()).isEqualTo("47 KB");
		Map<?, ?> played = this.visitor.play();
		assertThat(played.get("ok")).as("playback: %s", played).isEqualTo(true);

		// The stream-service counts the view at once and writes counts in batches:
		// bounded poll.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!this.site.get("/videos/" + vid).contains("\"views\":1") && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		this.visitor.driver().navigate().refresh();
		assertThat(this.visitor.find("#video-views").getText()).isEqualTo("1 view");
		this.visitor.screenshot("24-watch-with-views");

		this.visitor.find("#video-tags a[href='#/tag/sea']").click();
		this.visitor.waitFor((driver) -> driver.getCurrentUrl().endsWith("#/tag/sea") ? true : null);
		this.visitor.waitForText("Lighthouse " + word + " at dusk");
		assertThat(this.visitor.find("h1").getText()).isEqualTo("#sea");

		this.visitor.find("a.brand").click();
		this.visitor.find("#order-views").click();
		waitForHeading(this.visitor, "Most viewed videos");
		assertThat(this.visitor.driver().getCurrentUrl()).endsWith("#/?order=views");
		assertThat(this.visitor.find("#order-views").getAttribute("aria-current")).isEqualTo("page");
		this.visitor.waitForText("Lighthouse " + word + " at dusk");
	}

	@Test
	void theOwnerMakesAVideoPrivateAndItLeavesTheAnonymousList() throws Exception {
		String name = "gardener" + (++this.users) + "-" + ProcessHandle.current().pid();
		String title = "Garden diary " + Long.toString(System.nanoTime(), 36);
		String vid = this.site.seedVideos(name, this.clip, title).get(0);
		this.owner.logIn(name);
		// The visitor's page was loaded before the video existed: reload until the list
		// has it.
		this.visitor.waitFor((driver) -> {
			driver.navigate().refresh();
			this.visitor.find(".card-title");
			return driver.findElement(By.id("main")).getText().contains(title) ? true : null;
		});

		this.owner.open(this.site.url() + "/#/watch/" + vid);
		this.owner.find("#edit-open").click();
		this.owner.fill("#edit-tags", "a, b, c, d, e, f, g, h, i, j, k");
		this.owner.find("#edit-save").click();
		assertThat(this.owner.find("#edit-message [role=alert]").getText()).contains("at most 10 tags");

		this.owner.fill("#edit-title", title + " (private)");
		this.owner.fill("#edit-description", "Only for me.");
		this.owner.fill("#edit-tags", "Garden, Spring");
		new Select(this.owner.find("#edit-privacy")).selectByValue("private");
		this.owner.find("#edit-save").click();
		waitForHeading(this.owner, title + " (private)");
		assertThat(this.owner.find("#video-description").getText()).isEqualTo("Only for me.");
		assertThat(this.owner.find("#video-details").getText()).as("no absent part written as text")
			.doesNotContain("null")
			.doesNotContain("undefined");
		assertThat(this.owner.find("#video-tags").getText()).contains("#garden").contains("#spring");
		assertThat(this.owner.find(".privacy-tag").getText()).isEqualTo("Private");
		this.owner.screenshot("25-edit-private");

		assertThat(this.site.get("/videos?limit=50")).doesNotContain(vid);
		assertThat(this.site.status("/videos/" + vid)).isEqualTo(404);
		this.visitor.driver().navigate().refresh();
		this.visitor.waitForText("Latest videos");
		assertThat(this.visitor.find("#main").getText()).doesNotContain(title);
		this.owner.open(this.site.url() + "/#/user/" + name);
		assertThat(this.owner.find(".badge-privacy").getText()).as("the owner's own card says so").isEqualTo("Private");

		this.visitor.open(this.site.url() + "/embed/" + vid);
		assertThat(this.visitor.find("#embed-message").getText()).isEqualTo("This video is unavailable");
	}

	@Test
	void shareCopiesTheWatchLinkOrShowsItSelected() throws Exception {
		String title = "Share me <now> & ok";
		String vid = this.site.seedVideos("sharer" + (++this.users) + ProcessHandle.current().pid(), this.clip, title)
			.get(0);
		String link = this.site.url() + "/#/watch/" + vid;
		this.visitor.open(link);
		this.visitor.find("#player");
		this.visitor.script("""
				window.copied = null;
				Object.defineProperty(navigator, 'clipboard', { configurable: true,
					value: { writeText: (text) => { window.copied = text; return Promise.resolve(); } } });
				""");
		assertThat(this.visitor.driver().findElement(By.id("share-panel")).isDisplayed()).as("shown on demand")
			.isFalse();
		this.visitor.find("#share-button").click();
		this.visitor.waitFor(
				(driver) -> "Link copied to the clipboard.".equals(driver.findElement(By.id("share-status")).getText())
						? true : null);
		assertThat(this.visitor.script("return window.copied")).isEqualTo(link);
		assertThat(this.visitor.find("#share-embed").getDomProperty("value"))
			.startsWith("<iframe src=\"" + this.site.url() + "/embed/" + vid + "\"")
			.contains("title=\"Share me &lt;now&gt; &amp; ok\"");

		this.visitor.driver().navigate().refresh();
		this.visitor.find("#player");
		this.visitor.script("""
				Object.defineProperty(navigator, 'clipboard', { configurable: true,
					value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
				""");
		this.visitor.find("#share-button").click();
		this.visitor.waitFor((driver) -> driver.findElement(By.id("share-status")).getText().contains("Copy the link")
				? true : null);
		assertThat(this.visitor.script("""
				const field = document.activeElement;
				return field.id + ' ' + field.selectionStart + ' ' + field.selectionEnd + ' ' + field.value;
				""")).isEqualTo("share-link 0 " + link.length() + " " + link);
		this.visitor.screenshot("26-share");
	}

	@Test
	void theEmbedPagePlaysInAnotherSitesFrameButTheWatchPageRefusesFraming() throws Exception {
		String vid = this.site
			.seedVideos("embedder" + (++this.users) + ProcessHandle.current().pid(), this.clip, "Framed clip")
			.get(0);
		String site = this.site.url();
		// Another origin (another host name and port): a page with two frames.
		String host = """
				<!doctype html><title>Another site</title>
				<iframe id="embed" name="embed" src="%s/embed/%s" width="640" height="360"></iframe>
				<iframe id="watch" name="watch" src="%s/#/watch/%s" width="640" height="360"></iframe>
				<iframe id="missing" name="missing" src="%s/embed/%s" width="320" height="180"></iframe>
				""".formatted(site, vid, site, vid, site, UUID.randomUUID());
		HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		other.createContext("/", (exchange) -> {
			byte[] body = host.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		other.start();
		try {
			String otherUrl = "http://localhost:" + other.getAddress().getPort() + "/";
			assertThat(otherUrl).doesNotStartWith(site);
			this.visitor.open(otherUrl);
			this.visitor.driver().switchTo().frame("embed");
			this.visitor.find("#player");
			Map<?, ?> played = this.visitor.play();
			assertThat(played.get("ok")).as("playback in the frame: %s", played).isEqualTo(true);
			assertThat(this.visitor.find(".embed-title").getText()).isEqualTo("Framed clip");
			this.visitor.driver().switchTo().defaultContent();

			this.visitor.driver().switchTo().frame("missing");
			assertThat(this.visitor.find("#embed-message").getText()).isEqualTo("This video is unavailable");
			this.visitor.driver().switchTo().defaultContent();
			this.visitor.screenshot("27-embed-in-another-site");

			this.visitor.driver().switchTo().frame("watch");
			assertThat(this.visitor.driver().findElements(By.id("main")))
				.as("the watch page refuses framing (frame-ancestors 'none')")
				.isEmpty();
			assertThat(String.valueOf(this.visitor.script("return location.href"))).doesNotStartWith(site);
			this.visitor.driver().switchTo().defaultContent();
		}
		finally {
			other.stop(0);
		}
	}

	/**
	 * Waits for the page's heading, read in one script, as views replace it while
	 * rendering.
	 */
	private static void waitForHeading(Browser browser, String text) {
		browser.waitFor((driver) -> text
			.equals(browser.script("const h = document.querySelector('#main h1'); return h && h.textContent")) ? true
					: null);
	}

	private String signUp(Browser browser) {
		String name = "finder" + (++this.users) + "-" + ProcessHandle.current().pid();
		browser.signUp(name);
		return name;
	}

}
