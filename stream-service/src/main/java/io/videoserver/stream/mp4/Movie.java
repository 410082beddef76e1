package io.videoserver.stream.mp4;

import java.util.List;

/**
 * What the {@code moov} box says: what to show of the video, and where its media lies.
 *
 * @param info duration, size and codec
 * @param chunkTables every track's chunk offset table
 * @param browserPlayable whether every video track is H.264 and every audio track AAC
 */
record Movie(MediaInfo info, List<ChunkTable> chunkTables, boolean browserPlayable) {
}
