package io.videoserver.scheduler.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.FileTrees;
import io.videoserver.shared.store.VideoLayout;

/**
 * The video directory ({@code VIDEO_DIR}), where video {@code vid} is the file
 * {@code vid}, the upload kept as it came {@code vid.source}, its ladders the tree
 * {@code vid.hls} ({@link VideoLayout}), and its unfinished uploads are
 * {@code vid.<owner>.<random>.part} ({@link io.videoserver.shared.StagingLayout});
 * nothing outside it is ever touched.
 */
public class LocalVideoRemover implements VideoRemover {

	private final Path dir;

	private final PartialUploads parts;

	public LocalVideoRemover(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
		this.parts = new PartialUploads(this.dir);
	}

	@Override
	public boolean available() {
		return Files.isDirectory(this.dir) && Files.isWritable(this.dir);
	}

	@Override
	public int delete(String videoId, long claimedAt) throws IOException {
		if (!VideoIds.isValid(videoId)) {
			throw new IllegalArgumentException("Not a video id: " + videoId);
		}
		// A missing directory is an unmounted volume, not a deleted video: deleting
		// "nothing" there would drop rows whose files still exist.
		if (!Files.isDirectory(this.dir)) {
			throw new NoSuchFileException(this.dir.toString(), null, "video directory is missing");
		}
		VideoId vid = new VideoId(videoId);
		int removed = Files.deleteIfExists(inDir(VideoLayout.video(vid))) ? 1 : 0;
		removed += Files.deleteIfExists(inDir(VideoLayout.source(vid))) ? 1 : 0;
		removed += FileTrees.delete(inDir(VideoLayout.hlsRoot(vid)));
		for (Path part : this.parts.of(videoId, claimedAt)) {
			removed += Files.deleteIfExists(part) ? 1 : 0;
		}
		return removed;
	}

	private Path inDir(String name) {
		Path file = this.dir.resolve(name).normalize();
		if (!this.dir.equals(file.getParent())) {
			throw new IllegalArgumentException("Outside the video directory: " + name);
		}
		return file;
	}

}
