package io.videoserver.shared.media;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of ffmpeg or ffprobe: both its outputs drained on their own threads (a full
 * pipe would stall the program), its stderr's last lines kept for the error message, and
 * the program killed when it runs too long, is cancelled or its caller interrupted.
 */
final class ToolProcess {

	private static final Logger log = LoggerFactory.getLogger(ToolProcess.class);

	private static final int STDERR_LINES = 20;

	private final Process process;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private final Deque<String> stderr = new ArrayDeque<>();

	private final Thread stdoutReader;

	private final Thread stderrReader;

	private ToolProcess(Process process, String name, @Nullable Consumer<String> stdoutLines, int maxStdout) {
		this.process = process;
		Runnable drainStdout = (stdoutLines != null) ? () -> readLines(process.getInputStream(), stdoutLines)
				: () -> collect(process.getInputStream(), maxStdout);
		this.stdoutReader = reader(name + "-stdout", drainStdout);
		this.stderrReader = reader(name + "-stderr", () -> readLines(process.getErrorStream(), this::keepStderr));
	}

	/**
	 * Starts a program.
	 * @param command the program and its arguments
	 * @param stdoutLines where each line of its stdout goes, or {@code null} to keep
	 * stdout (see {@link #stdout()})
	 * @param maxStdout how many bytes of stdout to keep, the rest read and dropped
	 */
	static ToolProcess start(List<String> command, @Nullable Consumer<String> stdoutLines, int maxStdout)
			throws IOException {
		Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
		return new ToolProcess(process, Path.of(command.get(0)).getFileName().toString(), stdoutLines, maxStdout);
	}

	/**
	 * Waits for the program to end, and for its outputs to be read.
	 * @return its exit code
	 * @throws TimeoutException after killing it, when it ran longer than the timeout
	 * @throws InterruptedException after killing it, when the caller was interrupted
	 */
	int waitFor(Duration timeout) throws TimeoutException, InterruptedException {
		try {
			if (!this.process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
				kill();
				awaitExit();
				throw new TimeoutException("Stopped after " + timeout.toSeconds() + " s");
			}
			awaitExit();
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			kill();
			throw ex;
		}
	}

	/** Kills the program (and anything it started); it may be running or not. */
	void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
	}

	/** What the program wrote to stdout, when no line consumer took it. */
	byte[] stdout() {
		synchronized (this.stdout) {
			return this.stdout.toByteArray();
		}
	}

	/** The last lines the program wrote to stderr, oldest first. */
	List<String> stderr() {
		synchronized (this.stderr) {
			return new ArrayList<>(this.stderr);
		}
	}

	private void awaitExit() throws InterruptedException {
		this.process.waitFor();
		this.stdoutReader.join();
		this.stderrReader.join();
	}

	private void keepStderr(String line) {
		synchronized (this.stderr) {
			if (this.stderr.size() == STDERR_LINES) {
				this.stderr.removeFirst();
			}
			this.stderr.addLast(line);
		}
	}

	private void collect(InputStream in, int max) {
		byte[] buffer = new byte[8192];
		try (in) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				synchronized (this.stdout) {
					this.stdout.write(buffer, 0, Math.max(0, Math.min(n, max - this.stdout.size())));
				}
			}
		}
		catch (IOException ex) {
			// The program was killed while we read: what it wrote so far is all there is.
		}
	}

	private static void readLines(InputStream in, Consumer<String> lines) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				acceptDraining(lines, line);
			}
		}
		catch (IOException ex) {
			// As in collect: a killed program closes its pipes mid-line.
		}
	}

	/** A consumer that throws must not stop the draining, or the program would stall. */
	private static void acceptDraining(Consumer<String> lines, String line) {
		try {
			lines.accept(line);
		}
		catch (RuntimeException ex) {
			log.warn("Ignored a failure handling the line '{}'", line, ex);
		}
	}

	private static Thread reader(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

}
