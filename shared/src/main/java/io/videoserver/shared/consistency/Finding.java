package io.videoserver.shared.consistency;

/**
 * One thing the checker found out of place.
 *
 * @param kind what is wrong
 * @param subject the video id, file name, object name or row it is about
 * @param detail what was seen, in words an operator can act on
 */
public record Finding(Kind kind, String subject, String detail) {

	/** What can be out of place between the database and the store. */
	public enum Kind {

		/**
		 * A video recorded as uploaded whose file (or kept upload) is not in the store.
		 */
		ROW_WITHOUT_FILE,

		/** A file or object of a video that has no row and no pending deletion. */
		FILE_WITHOUT_ROW,

		/** A video's file in the store although its row records no upload. */
		UNRECORDED_FILE,

		/** A ladder that is not the video's published one. */
		STALE_LADDER,

		/** An upload kept for transcoding after its job no longer needs it. */
		LEFTOVER_SOURCE,

		/** A partial upload (form, raw or resumable) that nobody writes any more. */
		STALE_PARTIAL_UPLOAD,

		/** A name in the store that no part of the site writes. */
		UNKNOWN_FILE,

		/** A quota reservation that expired long ago and was never released. */
		STUCK_RESERVATION,

		/** A resumable upload's writer lease that expired long ago. */
		STUCK_UPLOAD_LEASE,

		/** A deletion given up after repeated failures. */
		PARKED_DELETION,

		/** A transcoding job given up after repeated failures. */
		PARKED_TRANSCODE

	}

}
