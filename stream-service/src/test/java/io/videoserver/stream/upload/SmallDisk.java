package io.videoserver.stream.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.videoserver.shared.testfault.Tmpfs;

/**
 * A 2 MiB tmpfs mounted on a fresh temporary directory, so that a test can fill a disk
 * without touching anyone else's; mounting needs root, as CI has.
 */
final class SmallDisk {

	private final Tmpfs disk;

	private SmallDisk(Tmpfs disk) {
		this.disk = disk;
	}

	/**
	 * Mounts a new disk.
	 * @param prefix the mount point's name prefix
	 * @throws IllegalStateException when not run as root
	 */
	static SmallDisk mount(String prefix) {
		try {
			return new SmallDisk(Tmpfs.mount(Files.createTempDirectory(prefix).toRealPath(), "2m"));
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
		return this.disk.dir();
	}

	long usableSpace() throws IOException {
		return Files.getFileStore(dir()).getUsableSpace();
	}

	/**
	 * Fills the disk until about {@code free} bytes are left.
	 * @return the file that took the space; removing it gives the space back
	 */
	Path fill(long free) throws IOException {
		Path filler = dir().resolve("filler");
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
		try (Stream<Path> files = Files.walk(dir())) {
			return files
				.filter((file) -> file.getFileName().toString().endsWith(".part")
						|| file.getFileName().toString().endsWith(".tmp"))
				.toList();
		}
	}

	void unmount() throws IOException, InterruptedException {
		this.disk.unmount();
	}

}
