package io.videoserver.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The newcomer's path, end to end: the launcher starts the whole site on an embedded
 * MariaDB, the curl scripts in scripts/ register, upload, list and delete through the
 * public ports, the data survives a restart, and stopping the launcher stops everything.
 * Needs the services' jars, which {@code ./mvnw verify} builds before this module.
 */
class LauncherEndToEndTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final String PASSWORD = "end-to-end-password";

	@TempDir
	Path work;

	private final List<Process> launchers = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private int apiPort;

	private int streamPort;

	@AfterEach
	void stopLaunchers() throws InterruptedException {
		for (Process launcher : this.launchers) {
			List<ProcessHandle> children = launcher.descendants().toList();
			launcher.destroy();
			if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
				launcher.destroyForcibly();
			}
			// a killed launcher cannot stop its services: never leave them running
			children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void wholeSiteRunsFromOneCommandAndTheCurlScriptsWork() throws Exception {
		for (String module : List.of("api-service", "stream-service", "scheduler-service")) {
			assertThat(ROOT.resolve(module + "/target/" + module + "-1.0.0-SNAPSHOT.jar"))
				.as("build the services first: ./mvnw verify (or package) from the project root")
				.isRegularFile();
		}
		Process launcher = startLauncher("first");
		String user = "e2e" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
		assertThat(script("register.sh", user, PASSWORD).out()).contains("registered and logged in as " + user);
		assertThat(get("/", this.apiPort).statusCode()).as("the web UI").isEqualTo(200);

		Path movie = mp4(this.work.resolve("holiday.mp4"));
		String video = script("upload.sh", movie.toString()).out().strip();
		assertThat(video).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		Path stored = this.work.resolve("data/videos/" + video);
		assertThat(stored).hasSameBinaryContentAs(movie);
		assertThat(script("list.sh", user).out()).contains(video, "holiday.mp4");
		assertThat(script("list.sh").out()).contains(video);

		stop(launcher);
		startLauncher("second");
		assertThat(script("logout.sh").out()).contains("logged out");
		Result wrong = script("login.sh", user, "not-the-password");
		assertThat(wrong.code()).isNotZero();
		assertThat(wrong.err()).contains("401", "\"error_code\":\"002\"");
		assertThat(script("login.sh", user, PASSWORD).out()).as("the account survived a restart")
			.contains("logged in as " + user);
		assertThat(script("delete.sh", video).out()).contains("deleted " + video);
		awaitGone(stored);
		assertThat(get("/videos/" + video, this.streamPort).statusCode()).isEqualTo(404);
	}

	private Process startLauncher(String name) throws Exception {
		this.apiPort = freePort();
		this.streamPort = freePort();
		Path log = this.work.resolve("launcher-" + name + ".log");
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), Launcher.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((key) -> key.startsWith("SPRING_") || key.startsWith("VIDEO_"));
		env.put("VIDEO_HOME", ROOT.toString());
		env.put("VIDEO_DATA_DIR", this.work.resolve("data").toString());
		env.put("VIDEO_LAUNCHER_API_PORT", Integer.toString(this.apiPort));
		env.put("VIDEO_LAUNCHER_STREAM_PORT", Integer.toString(this.streamPort));
		env.put("VIDEO_LAUNCHER_SCHEDULER_PORT", Integer.toString(freePort()));
		for (String service : List.of("API", "STREAM", "SCHEDULER")) {
			env.put("VIDEO_LAUNCHER_" + service + "_MANAGEMENT_PORT", Integer.toString(freePort()));
		}
		env.put("VIDEO_SCHEDULER_INTERVAL", "1s");
		env.put("VIDEO_SERVICE_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
		Process launcher = builder.start();
		this.launchers.add(launcher);
		String ready = "Open http://localhost:" + this.apiPort + "/";
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (!Files.readString(log).contains(ready)) {
			if (!launcher.isAlive() || Instant.now().isAfter(deadline)) {
				fail("the launcher did not get the site ready:\n" + tail(log));
			}
			Thread.sleep(500);
		}
		return launcher;
	}

	private void stop(Process launcher) throws Exception {
		List<ProcessHandle> children = launcher.descendants().toList();
		assertThat(children).as("three services and MariaDB").hasSizeGreaterThanOrEqualTo(4);
		launcher.destroy();
		assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stops on SIGTERM").isTrue();
		assertThat(children).as("nothing is left running").noneMatch(ProcessHandle::isAlive);
	}

	private Result script(String name, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("sh", ROOT.resolve("scripts/" + name).toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
		builder.environment().put("API_URL", "http://127.0.0.1:" + this.apiPort);
		builder.environment().put("STREAM_URL", "http://127.0.0.1:" + this.streamPort);
		builder.environment().put("VIDEO_SESSION_FILE", this.work.resolve("session").toString());
		Path out = this.work.resolve("script.out");
		Path err = this.work.resolve("script.err");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(name + " finished").isTrue();
		Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
		if (!name.equals("login.sh") || args.length < 2 || args[1].equals(PASSWORD)) {
			assertThat(result.code()).as(name + " failed: " + result.err()).isZero();
		}
		return result;
	}

	private void awaitGone(Path file) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Files.exists(file)) {
			assertThat(Instant.now()).as("the scheduler deletes the file").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	private HttpResponse<Void> get(String path, int port) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	/**
	 * A real MP4 (the e2e tests' clip, moov first): the stream-service checks the boxes
	 * of an upload, so random bytes behind an ftyp box no longer pass.
	 */
	private static Path mp4(Path file) throws IOException {
		return Files.copy(ROOT.resolve("e2e-tests/src/test/resources/clip.mp4"), file);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static java.io.File nullFile() {
		return new java.io.File("/dev/null");
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
	}

	record Result(int code, String out, String err) {
	}

}
