package io.videoserver.stream.tus;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.videoserver.stream.StreamProperties;
import io.videoserver.stream.store.VideoStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Keeps the resumable uploads on local disk under the staging directory's {@code .tus}
 * ({@code VIDEO_DIR/.tus} for the local store), so that they survive a restart:
 * {@code {id}.info} describes an upload, {@code {id}.bin} holds the bytes received so far
 * (its size is the offset) and is gone once the upload completed. An upload expires when
 * none of its files was touched for the configured time.
 */
@Component
class TusUploadFiles {

	static final String DIR = ".tus";

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	/**
	 * The description goes first, so that a half-deleted upload is gone, not complete.
	 */
	private static final String[] SUFFIXES = { ".info", ".info.tmp", ".bin", ".bin.tmp" };

	private final Path dir;

	private final Duration expireAfter;

	TusUploadFiles(VideoStore videos, StreamProperties properties) {
		// in the staging directory: on the local disk,
		// beside the videos for the local store
		this.dir = videos.staging().toAbsolutePath().normalize().resolve(DIR);
		this.expireAfter = properties.upload().expireAfter();
	}

	static boolean isId(String id) {
		return ID.matcher(id).matches();
	}

	TusUpload create(String vid, String owner, long length, @Nullable String metadata) throws IOException {
		Files.createDirectories(this.dir);
		TusUpload upload = new TusUpload(UUID.randomUUID().toString().replace("-", ""), vid, owner, length, metadata);
		Files.createFile(data(upload));
		Path temp = this.dir.resolve(upload.id() + ".info.tmp");
		try {
			try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				upload.write(out);
			}
			try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				written.force(true);
			}
			Files.move(temp, info(upload.id()), StandardCopyOption.ATOMIC_MOVE);
			return upload;
		}
		catch (IOException ex) {
			// a full disk, say: nothing of an upload that was never announced stays
			Files.deleteIfExists(temp);
			Files.deleteIfExists(data(upload));
			throw ex;
		}
	}

	/** The upload, unless it is unknown, terminated or expired. */
	Optional<TusUpload> find(String id) throws IOException {
		if (!isId(id)) {
			return Optional.empty();
		}
		try (Reader in = Files.newBufferedReader(info(id), StandardCharsets.UTF_8)) {
			TusUpload upload = TusUpload.read(id, in);
			return expires(id).isAfter(Instant.now()) ? Optional.of(upload) : Optional.empty();
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The offset a client resumes from: the bytes on disk, the declared length once the
	 * video is published. A file that is complete but not published (its publication
	 * failed, or the service stopped before it ended) answers one byte less, so that the
	 * client sends the last byte again and that PATCH publishes the video: a complete
	 * offset always means a published video.
	 */
	long offset(TusUpload upload) throws IOException {
		try {
			long size = Files.size(data(upload));
			return (size == upload.length()) ? size - 1 : size;
		}
		catch (NoSuchFileException ex) {
			return upload.length();
		}
	}

	/**
	 * Cuts the received bytes back to the offset a client was told. The bytes stay in a
	 * new file: the old one may already be the published video, through a hard link.
	 */
	void rewind(TusUpload upload, long offset) throws IOException {
		Path data = data(upload);
		if (Files.size(data) <= offset) {
			return;
		}
		Path temp = this.dir.resolve(upload.id() + ".bin.tmp");
		try (FileChannel in = FileChannel.open(data, StandardOpenOption.READ);
				FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING)) {
			for (long done = 0; done < offset;) {
				done += in.transferTo(done, offset - done, out);
			}
			out.force(true);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		Files.move(temp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Whether the upload is still there (not terminated meanwhile). */
	boolean exists(TusUpload upload) {
		return Files.exists(info(upload.id()));
	}

	boolean isCompleted(TusUpload upload) {
		return !Files.exists(data(upload));
	}

	Path data(TusUpload upload) {
		return this.dir.resolve(upload.id() + ".bin");
	}

	/**
	 * Marks the upload completed once its video is recorded: its bytes go, and it keeps
	 * answering HEAD for a while, for a client that missed the answer.
	 */
	void completed(TusUpload upload) throws IOException {
		Files.setLastModifiedTime(info(upload.id()), FileTime.from(Instant.now()));
		Files.deleteIfExists(data(upload));
	}

	Instant expires(String id) throws IOException {
		FileTime touched = FileTime.fromMillis(0);
		for (String suffix : SUFFIXES) {
			try {
				FileTime modified = Files.getLastModifiedTime(this.dir.resolve(id + suffix));
				touched = (modified.compareTo(touched) > 0) ? modified : touched;
			}
			catch (NoSuchFileException ex) {
				// not every file exists in every state
			}
		}
		return touched.toInstant().plus(this.expireAfter);
	}

	void delete(String id) throws IOException {
		for (String suffix : SUFFIXES) {
			Files.deleteIfExists(this.dir.resolve(id + suffix));
		}
	}

	/**
	 * @return the ids of the expired uploads that were removed, partial files and all
	 */
	List<String> removeExpired(Instant now) throws IOException {
		if (!Files.isDirectory(this.dir)) {
			return List.of();
		}
		Set<String> ids = new HashSet<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.dir)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				int dot = name.indexOf('.');
				if (dot > 0 && isId(name.substring(0, dot))) {
					ids.add(name.substring(0, dot));
				}
			}
		}
		List<String> removed = new ArrayList<>();
		for (String id : ids) {
			if (!expires(id).isAfter(now)) {
				delete(id);
				removed.add(id);
			}
		}
		return removed;
	}

	private Path info(String id) {
		return this.dir.resolve(id + ".info");
	}

}
