package io.videoserver.stream.playback;

/**
 * What identifies one version of a video file: its size, its strong entity tag and the
 * time it was last modified.
 *
 * @param size the length in bytes
 * @param etag the strong entity tag, quoted
 * @param lastModified the modification time in epoch milliseconds
 */
record Validators(long size, String etag, long lastModified) {

	/** HTTP dates carry whole seconds. */
	long lastModifiedSeconds() {
		return Math.floorDiv(this.lastModified, 1000);
	}

}
