package io.videoserver.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the missing {@link StartupArchive}s in the background once the site is up, one
 * service at a time, so that the first start after a build costs nothing extra and every
 * later one is faster; whatever fails leaves that service starting from its jar.
 */
final class ArchiveTrainer {

	private static final Logger log = LoggerFactory.getLogger("launcher");

	private static final long TRAINING_MINUTES = 3;

	private final String java = ProcessHandle.current().info().command().orElse("java");

	private volatile boolean stopped;

	private volatile @Nullable Process current;

	/** Trains the given archives on a daemon thread, with the services' environment. */
	void trainInBackground(Map<Service, StartupArchive> archives, Map<String, String> environment) {
		List<Map.Entry<Service, StartupArchive>> missing = archives.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().isReady())
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		Thread thread = new Thread(
				() -> missing.forEach((entry) -> train(entry.getKey(), entry.getValue(), environment)),
				"startup-archives");
		thread.setDaemon(true);
		thread.start();
	}

	/** Ends a training run under way: the site is stopping. */
	void stop() {
		this.stopped = true;
		Process process = this.current;
		if (process != null) {
			process.destroyForcibly();
		}
	}

	private void train(Service service, StartupArchive archive, Map<String, String> environment) {
		Path trainingLog = archive.dir().resolve("training.log");
		try {
			if (trained(service, archive, environment, trainingLog)) {
				log.info("{} will start from its class archive next time ({})", service.module(), archive.archive());
			}
			else if (!this.stopped) {
				log.info("No class archive for {}; it keeps starting from its jar (see {})", service.module(),
						trainingLog);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.info("No class archive for {}; it keeps starting from its jar: {}", service.module(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Extracts the jar, runs the training start and keeps its output as the archive. */
	private boolean trained(Service service, StartupArchive archive, Map<String, String> environment, Path trainingLog)
			throws IOException, InterruptedException {
		removeOtherArchives(archive);
		Files.createDirectories(archive.dir());
		List<String> extract = List.of(this.java, "-Djarmode=tools", "-jar", archive.jar().toString(), "extract",
				"--force", "--destination", archive.extractedJar().getParent().toString());
		if (!run(new ProcessBuilder(extract), trainingLog)
				|| !run(ServiceCommand.of(service, archive.training(), environment), trainingLog)
				|| !Files.isRegularFile(archive.trainingOutput())) {
			return false;
		}
		Files.move(archive.trainingOutput(), archive.archive(), StandardCopyOption.ATOMIC_MOVE);
		return true;
	}

	private boolean run(ProcessBuilder builder, Path trainingLog) throws IOException, InterruptedException {
		if (this.stopped) {
			return false;
		}
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(trainingLog.toFile()));
		Process process = builder.start();
		this.current = process;
		if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return false;
		}
		return process.exitValue() == 0 && !this.stopped;
	}

	/** Archives of earlier builds of the same jar are of no use any more. */
	private static void removeOtherArchives(StartupArchive archive) throws IOException {
		Path parent = archive.dir().getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			return;
		}
		try (Stream<Path> dirs = Files.list(parent)) {
			for (Path dir : dirs.filter((dir) -> !dir.equals(archive.dir())).toList()) {
				try (Stream<Path> files = Files.walk(dir)) {
					for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(file);
					}
				}
			}
		}
	}

}
