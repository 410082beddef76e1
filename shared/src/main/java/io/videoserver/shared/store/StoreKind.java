package io.videoserver.shared.store;

/**
 * Where the video files are kept ({@code VIDEO_STORE}), one type for every service that
 * touches them, so that a value one service accepts the other cannot refuse.
 */
public enum StoreKind {

	/** Files in the video directory ({@code VIDEO_DIR}). */
	LOCAL,

	/** Objects in an S3-compatible bucket ({@link S3Settings}). */
	S3

}
