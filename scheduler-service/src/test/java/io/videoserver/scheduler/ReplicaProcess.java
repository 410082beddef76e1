package io.videoserver.scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import io.videoserver.scheduler.execution.LocalVideoRemover;
import io.videoserver.scheduler.execution.VideoRemover;
import org.slf4j.LoggerFactory;

/**
 * A scheduler replica in a process of its own, started by the race tests: it works the
 * queue until it is empty and writes how often it deleted each video, or, told to die,
 * halts the JVM right after deleting a file and before recording it, like a killed pod.
 *
 * <p>
 * Arguments: jdbc-url user password video-dir replica-id lease-millis halt-after output.
 */
public final class ReplicaProcess {

	private ReplicaProcess() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ROOT")).setLevel(Level.WARN);
		Path dir = Path.of(args[3]);
		int haltAfter = Integer.parseInt(args[6]);
		RecordingVideoRemover files = new RecordingVideoRemover(dyingAfter(haltAfter, new LocalVideoRemover(dir)));
		SchedulerProperties.Scheduler settings = TestReplica.settings(args[4], 25, 4,
				Duration.ofMillis(Long.parseLong(args[5])), 3);
		try (TestReplica replica = new TestReplica(args[0], args[1], args[2], files, settings)) {
			replica.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (TestQueue.rows(replica.pool()) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		List<String> lines = files.calls().entrySet().stream().map((e) -> e.getKey() + " " + e.getValue()).toList();
		Files.write(Path.of(args[7]), lines);
	}

	private static VideoRemover dyingAfter(int deletions, VideoRemover files) {
		if (deletions <= 0) {
			return files;
		}
		AtomicInteger done = new AtomicInteger();
		return AroundVideoRemover.around(files, (id, claimedAt, inner) -> {
			int removed = inner.delete(id, claimedAt);
			if (done.incrementAndGet() >= deletions) {
				Runtime.getRuntime().halt(137);
			}
			return removed;
		});
	}

	static Process start(Path output, String jdbcUrl, String user, String password, Path dir, String replicaId,
			long leaseMillis, int haltAfter) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				ReplicaProcess.class.getName(), jdbcUrl, user, password, dir.toString(), replicaId,
				Long.toString(leaseMillis), Integer.toString(haltAfter), output.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile())
			.start();
	}

}
