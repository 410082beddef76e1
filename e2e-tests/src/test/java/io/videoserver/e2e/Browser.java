package io.videoserver.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver, both given by path so that
 * Selenium never downloads a browser or a driver.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() throws IOException {
		for (String program : new String[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(Path.of(program))) {
				throw new IllegalStateException(program + " is missing: apt-get install -y chromium chromium-driver "
						+ "(or run with -DskipE2e)");
			}
		}
		Path profile = Files.createTempDirectory("e2e-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
				"--mute-audio", "--autoplay-policy=no-user-gesture-required", "--window-size=1280,900",
				"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withLogFile(Files.createDirectories(Path.of("target", "e2e-logs")).resolve("chromedriver.log").toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return new Browser(driver, profile);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Opens the app as someone who has not been there: the usual window size, no cookies
	 * of an earlier test, the home page loaded afresh.
	 */
	void visitAfresh(String siteUrl) {
		resize(1280, 900);
		// A page that is not the app, so that opening the app afterwards is a fresh load.
		open(siteUrl + "/ui/config");
		this.driver.manage().deleteAllCookies();
		open(siteUrl + "/#/");
	}

	/** Signs up from the page's link and waits for the new user's own page. */
	void signUp(String name) {
		find("a[href='#/register']").click();
		fill("#user-name", name);
		fill("#password", WebUiTests.PASSWORD);
		button("Sign up").click();
		waitForText("My videos");
	}

	/** Logs in from the page's link and waits for the user's own page. */
	void logIn(String name) {
		find("a[href='#/login']").click();
		fill("#user-name", name);
		fill("#password", WebUiTests.PASSWORD);
		button("Log in").click();
		waitFor((driver) -> driver.getCurrentUrl().endsWith("#/user/" + name) ? true : null);
	}

	WebElement find(String css) {
		return waitFor(driver -> {
			var found = driver.findElements(By.cssSelector(css));
			return (!found.isEmpty() && found.get(0).isDisplayed()) ? found.get(0) : null;
		});
	}

	WebElement button(String text) {
		return waitFor(driver -> driver.findElements(By.tagName("button"))
			.stream()
			.filter((button) -> button.isDisplayed() && button.getText().trim().equals(text))
			.findFirst()
			.orElse(null));
	}

	/**
	 * Chooses a file in a file input, which the page may hide behind a drop zone.
	 */
	void attach(String css, Path file) {
		waitFor((driver) -> driver.findElements(By.cssSelector(css)).stream().findFirst().orElse(null))
			.sendKeys(file.toAbsolutePath().toString());
	}

	void fill(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Uploads a file from the user's own page, as a person does, and opens the video's
	 * watch page.
	 * @return the video's id
	 */
	String uploadAndWatch(Path file) {
		attach("#video-file", file);
		button("Upload").click();
		waitForText("Upload complete");
		find(".card-link").click();
		find("#player");
		return this.driver.getCurrentUrl().replaceAll(".*#/watch/", "");
	}

	/** Waits until the page shows the text somewhere in {@code main}. */
	void waitForText(String text) {
		waitFor(driver -> driver.findElement(By.id("main")).getText().contains(text) ? true : null);
	}

	<T> T waitFor(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(condition);
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	Object asyncScript(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves what the page looks like now as target/screenshots/{name}.png. */
	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = this.driver.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Plays the page's {@code #player} until it has passed half a second (or for 20 s).
	 * @return {@code ok}, {@code time}, {@code duration}, or what went wrong
	 */
	Map<?, ?> play() {
		return (Map<?, ?>) asyncScript("""
				const done = arguments[arguments.length - 1];
				const video = document.getElementById('player');
				const started = performance.now();
				const check = () => {
					if (video.currentTime > 0.5) {
						done({ ok: true, time: video.currentTime, duration: video.duration });
					}
					else if (performance.now() - started > 20000) {
						done({ ok: false, time: video.currentTime, ready: video.readyState,
							error: video.error && video.error.code });
					}
					else {
						setTimeout(check, 100);
					}
				};
				video.play().then(check, (error) => done({ ok: false, error: String(error) }));
				""");
	}

	/**
	 * Seeks the paused {@code #player}.
	 * @return {@code time} once the player has sought
	 */
	Map<?, ?> seek(double seconds) {
		return (Map<?, ?>) asyncScript("""
				const done = arguments[arguments.length - 1];
				const video = document.getElementById('player');
				video.pause();
				video.addEventListener('seeked', () => done({ time: video.currentTime }), { once: true });
				video.currentTime = arguments[0];
				""", seconds);
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
