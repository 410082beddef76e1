package io.videoserver.stream.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import io.videoserver.shared.StagingLayout;
import org.jspecify.annotations.Nullable;

/**
 * Which process a staged {@code .part} file belongs to, across the replicas that share a
 * staging directory on one host: each process names its files
 * {@code {vid}.{owner}.{random}.part} ({@link StagingLayout}) and holds an OS lock on
 * {@code .owners/{owner}.lock} for as long as it runs. The kernel drops that lock when
 * the process dies, however it dies, so a starting replica that can take another owner's
 * lock knows that owner's files are abandoned. The lock belongs to the process (POSIX
 * record locks do), hence one owner per JVM, however many application contexts it runs.
 */
final class StagingOwner {

	static final String OWNERS = ".owners";

	private static final String SUFFIX = ".lock";

	private static final String ID = StagingLayout.randomId();

	/** The open lock files, never closed: closing one would release the lock. */
	private static final Map<Path, FileChannel> LOCKS = new HashMap<>();

	private StagingOwner() {
	}

	/**
	 * A new {@code .part} file name for an upload of the video, owned by this process.
	 */
	static Path partFile(Path dir, String vid) throws IOException {
		claim(dir);
		return dir.resolve(StagingLayout.partName(vid, ID));
	}

	/** Takes this process's lock in the directory, once. */
	static synchronized void claim(Path dir) throws IOException {
		Path key = dir.toAbsolutePath().normalize();
		if (!LOCKS.containsKey(key)) {
			LOCKS.put(key, lock(key));
		}
	}

	/** The owner in a {@code .part} file's name, null for a name of another form. */
	static @Nullable String ownerOf(Path part) {
		return StagingLayout.ownerOf(part.getFileName().toString());
	}

	static boolean isSelf(String owner) {
		return ID.equals(owner);
	}

	/** The owner's lock file, where an owner named in a file keeps it. */
	static Path lockFile(Path dir, String owner) {
		return dir.resolve(OWNERS).resolve(owner + SUFFIX);
	}

	/** The owner of a lock file's name. */
	static String ownerOfLock(Path lock) {
		String name = lock.getFileName().toString();
		return name.substring(0, name.length() - SUFFIX.length());
	}

	/**
	 * Whether another process holds the owner's lock; an owner whose lock file is gone is
	 * gone too (its lock file is removed only by whoever could take its lock).
	 */
	static boolean isAlive(Path dir, String owner) throws IOException {
		if (isSelf(owner)) {
			return true;
		}
		try (FileChannel channel = FileChannel.open(lockFile(dir, owner), StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true; // this JVM holds it: another test context's owner
		}
	}

	/**
	 * Creates the lock file locked under a temporary name and only then renames it into
	 * place, so that no other process ever sees it unlocked.
	 */
	private static FileChannel lock(Path dir) throws IOException {
		Path owners = Files.createDirectories(dir.resolve(OWNERS));
		Path temporary = owners.resolve(ID + SUFFIX + ".tmp");
		FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			if (channel.tryLock() == null) {
				throw new IOException("Another process holds " + temporary);
			}
			Files.move(temporary, lockFile(dir, ID), StandardCopyOption.ATOMIC_MOVE);
			return channel;
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

}
