package io.videoserver.scheduler.execution;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.videoserver.shared.StagingLayout;
import org.jspecify.annotations.Nullable;

/**
 * The partial uploads ({@link StagingLayout}) in the video directory, listed once per
 * claimed batch rather than once per video: listing a directory of many thousand videos
 * for every deletion would make draining a long queue quadratic.
 *
 * <p>
 * One listing taken after a row was claimed is as good as a fresh one for that row: its
 * video's metadata was deleted before the row was queued, so no new upload of it starts
 * afterwards, and every upload already under way has its part file in the listing.
 */
class PartialUploads {

	private final Path dir;

	private Map<String, List<Path>> byVideo = Map.of();

	private long listedAt;

	private boolean listed;

	PartialUploads(Path dir) {
		this.dir = dir;
	}

	/**
	 * A video's partial uploads, from a listing taken no earlier than {@code claimedAt}.
	 * @param videoId a valid video id
	 * @param claimedAt {@link System#nanoTime()} when the video's row was claimed
	 */
	synchronized List<Path> of(String videoId, long claimedAt) throws IOException {
		if (!this.listed || this.listedAt - claimedAt < 0) {
			long now = System.nanoTime();
			this.byVideo = list();
			this.listedAt = now;
			this.listed = true;
		}
		return this.byVideo.getOrDefault(videoId, List.of());
	}

	private Map<String, List<Path>> list() throws IOException {
		Map<String, List<Path>> parts = new HashMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.dir, StagingLayout.GLOB)) {
			for (Path part : files) {
				@Nullable String videoId = StagingLayout.videoOf(part.getFileName().toString());
				if (videoId != null) {
					parts.computeIfAbsent(videoId, (id) -> new ArrayList<>()).add(part);
				}
			}
		}
		return parts;
	}

}
