package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.Path;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.transcode.TranscodeRequests.Source;

/**
 * Where the transcoder reads a video's source and publishes what it made, by the names of
 * {@link io.videoserver.shared.store.VideoLayout}: the video directory or the bucket.
 */
interface TranscodeStore {

	/**
	 * Whether the store can be worked at all; while it cannot, nothing is claimed.
	 */
	boolean available();

	/**
	 * The file a job reads: the stored file itself where it is local, else a copy in the
	 * job's work directory.
	 * @throws java.nio.file.NoSuchFileException when the store has no such file
	 */
	Path source(VideoId vid, Source source, Path workDir) throws IOException;

	/**
	 * Publishes a ladder's files under {@code {vid}.hls/{version}/}, all or (locally)
	 * none visible.
	 */
	void publishLadder(VideoId vid, String version, Path ladder) throws IOException;

	/** Removes one published ladder; one already gone counts as removed. */
	void removeLadder(VideoId vid, String version) throws IOException;

	/**
	 * What the file {@code {vid}} or {@code {vid}.source} is now (size, time and file
	 * key; an object's ETag), or {@link #ABSENT}: a job takes both before it reads its
	 * source, so that it never replaces a {@code {vid}}, nor removes a
	 * {@code {vid}.source}, that a newer upload published meanwhile.
	 */
	String version(VideoId vid, Source file) throws IOException;

	/** The {@link #version} of a file that is not there. */
	String ABSENT = "absent";

	/**
	 * Makes the MP4 ready to become {@code {vid}} (a copy beside it where a rename
	 * publishes), so that the publication itself is quick.
	 * @param expected the {@link #version} of {@code {vid}} that the MP4 may replace
	 */
	StagedVideo stageVideo(VideoId vid, Path mp4, String expected) throws IOException;

	/**
	 * Removes the upload kept as it came, unless it is no longer the expected version (a
	 * newer upload's); one already gone counts as removed.
	 */
	void removeSource(VideoId vid, String expected) throws IOException;

	/** An MP4 ready to replace {@code {vid}}. */
	interface StagedVideo {

		/**
		 * Replaces {@code {vid}} with the MP4 at once, as an upload would, unless
		 * {@code {vid}} is no longer the expected version.
		 * @return false when {@code {vid}} changed (nothing was published)
		 */
		boolean publish() throws IOException;

		/**
		 * Removes {@code {vid}} again if it is still the MP4 that {@link #publish} put
		 * there: for a video deleted while it was published, outside any lock.
		 */
		void unpublish() throws IOException;

		/** Forgets the MP4 unpublished; never fails. */
		void discard();

	}

}
