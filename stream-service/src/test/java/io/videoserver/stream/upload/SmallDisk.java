package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A 2 MiB tmpfs mounted on a fresh temporary directory, so that a test can fill a disk
 * without touching anyone else's; mounting needs root, as CI has.
 */
final class SmallDisk {

	private final Path dir;

	private SmallDisk(Path dir) {
		this.dir = dir;
	}

	/**
	 * Mounts a new disk.
	 * @param prefix the mount point's name prefix
	 * @throws IllegalStateException when not run as root
	 */
	static SmallDisk mount(String prefix) {
		try {
			Path dir = Files.createTempDirectory(prefix).toRealPath();
			String user = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
					StandardCharsets.US_ASCII)
				.trim();
			if (!"0".equals(user)) {
				throw new IllegalStateException(
						"The full-disk tests need root to mount a small tmpfs (CI runs as root); uid is " + user);
			}
			run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString());
			return new SmallDisk(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Path dir() {
		return this.dir;
	}

	long usableSpace() throws IOException {
		return Files.getFileStore(this.dir).getUsableSpace();
	}

	/**
	 * Fills the disk until about {@code free} bytes are left.
	 * @return the file that took the space; removing it gives the space back
	 */
	Path fill(long free) throws IOException {
		Path filler = this.dir.resolve("filler");
		byte[] block = new byte[4096];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (usableSpace() > free) {
				out.write(block);
				out.flush();
			}
		}
		return filler;
	}

	/** Staging files and tus temporaries left behind; a tus upload's own files stay. */
	List<Path> leftovers() throws IOException {
		try (Stream<Path> files = Files.walk(this.dir)) {
			return files
				.filter((file) -> file.getFileName().toString().endsWith(".part")
						|| file.getFileName().toString().endsWith(".tmp"))
				.toList();
		}
	}

	void unmount() throws IOException, InterruptedException {
		run("umount", "-l", this.dir.toString());
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

}
