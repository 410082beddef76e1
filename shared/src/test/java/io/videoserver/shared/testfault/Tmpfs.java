package io.videoserver.shared.testfault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A small tmpfs mounted on a test's directory, so that the test can fill a disk without
 * touching anyone else's; mounting needs root, as CI has.
 */
public final class Tmpfs {

	private final Path dir;

	private boolean mounted = true;

	private Tmpfs(Path dir) {
		this.dir = dir;
	}

	/**
	 * Mounts a tmpfs of the given size on the directory.
	 * @param dir an existing, empty directory
	 * @param size the size as mount(8) takes it, e.g. {@code 2m} or {@code 64k}
	 * @return the mounted disk
	 * @throws IllegalStateException when not run as root, or when the mount fails
	 */
	public static Tmpfs mount(Path dir, String size) throws IOException, InterruptedException {
		String user = output(new ProcessBuilder("id", "-u").start()).trim();
		if (!"0".equals(user)) {
			throw new IllegalStateException(
					"The full-disk tests need root to mount a small tmpfs (CI runs as root); uid is " + user);
		}
		run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
		return new Tmpfs(dir);
	}

	public Path dir() {
		return this.dir;
	}

	/**
	 * Unmounts it (lazily, so that a file still open does not keep it); once unmounted,
	 * does nothing.
	 */
	public void unmount() throws IOException, InterruptedException {
		if (this.mounted) {
			run("umount", "-l", this.dir.toString());
			this.mounted = false;
		}
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = output(process);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

	private static String output(Process process) throws IOException {
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

}
