package io.videoserver.shared.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock under which a video's {@code {vid}} or {@code {vid}.source} is replaced in
 * a video directory, by every process that shares the directory: the stream-service
 * renaming an upload into place, and the transcoder checking that {@code {vid}} is still
 * the upload it read before renaming its MP4 over it (or removing the source it read).
 * Without it, a re-upload renamed into place between the transcoder's check and its
 * rename would be replaced by the older upload's MP4.
 *
 * <p>
 * An OS lock on {@value #NAME} in the directory (a POSIX record lock, which belongs to
 * the process, so that another replica on the host waits, and which the kernel drops when
 * a process dies), taken behind a lock of this JVM's, because one JVM cannot take such a
 * lock twice. It is held for a stat and a rename, never while a file's bytes are written.
 */
public final class PublishLock {

	/** The lock file, left in place; the consistency check passes over it. */
	public static final String NAME = ".publish.lock";

	private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

	private PublishLock() {
	}

	/** What is done while the lock is held. */
	@FunctionalInterface
	public interface Action<T> {

		T run() throws IOException;

	}

	/**
	 * Runs the action while this process holds the directory's publication lock, waiting
	 * for any other thread or process that holds it. Not reentrant.
	 */
	public static <T> T holding(Path dir, Action<T> action) throws IOException {
		Path key = dir.toAbsolutePath().normalize();
		ReentrantLock local = IN_THIS_JVM.computeIfAbsent(key, (path) -> new ReentrantLock());
		local.lock();
		try (FileChannel file = FileChannel.open(key.resolve(NAME), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = file.lock()) {
			return action.run();
		}
		finally {
			local.unlock();
		}
	}

}
