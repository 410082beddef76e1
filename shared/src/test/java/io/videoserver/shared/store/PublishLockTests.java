package io.videoserver.shared.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whoever holds a directory's publication lock, another process or another thread, the
 * next holder gets in only after the first has finished what it did under the lock.
 */
class PublishLockTests {

	@TempDir
	Path dir;

	@Test
	void anotherProcessWaitsUntilTheHolderIsDone() throws Exception {
		Path done = this.dir.resolve("done-by-the-other-process");
		Process holder = Holder.start(this.dir, done);
		try (var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
			assertThat(output.readLine()).isEqualTo(Holder.HOLDING);
			boolean sawTheOthersWork = PublishLock.holding(this.dir, () -> Files.exists(done));

			assertThat(sawTheOthersWork).as("got the lock before the other process had finished under it").isTrue();
		}
		finally {
			assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(holder.exitValue()).isZero();
	}

	@Test
	void anotherThreadWaitsUntilTheHolderIsDone() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		AtomicBoolean done = new AtomicBoolean();
		Thread holder = new Thread(() -> {
			try {
				PublishLock.holding(this.dir, () -> {
					holding.countDown();
					Holder.sleep(300);
					done.set(true);
					return null;
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		holder.start();
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

		boolean sawTheOthersWork = PublishLock.holding(this.dir, done::get);

		assertThat(sawTheOthersWork).as("got the lock before the other thread had finished under it").isTrue();
		holder.join();
	}

	@Test
	void aFailureUnderTheLockReleasesIt() throws Exception {
		try {
			PublishLock.holding(this.dir, () -> {
				throw new IOException("the rename failed");
			});
		}
		catch (IOException expected) {
			// released on the way out
		}
		Path done = this.dir.resolve("done-by-the-other-process");
		Process other = Holder.start(this.dir, done);
		assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(done).exists();
	}

	/**
	 * Another process: takes the lock, says so on its standard output, and writes a file
	 * half a second later, still holding it. Arguments: directory, file.
	 */
	public static final class Holder {

		static final String HOLDING = "holding";

		public static void main(String[] args) throws Exception {
			PublishLock.holding(Path.of(args[0]), () -> {
				System.out.println(HOLDING);
				System.out.flush();
				sleep(500);
				Files.writeString(Path.of(args[1]), "done");
				return null;
			});
		}

		static Process start(Path dir, Path done) throws IOException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			return new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
					Holder.class.getName(), dir.toString(), done.toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
		}

		private static void sleep(long millis) throws IOException {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

	}

}
