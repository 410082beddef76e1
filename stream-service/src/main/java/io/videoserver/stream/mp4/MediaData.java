package io.videoserver.stream.mp4;

import java.util.Arrays;
import java.util.List;

/**
 * Where the file's media lies, the payloads of its {@code mdat} boxes, so that every
 * chunk offset can be checked to point into media data.
 */
final class MediaData {

	private final long[] starts;

	private final long[] ends;

	MediaData(List<Box> mdats) {
		this.starts = mdats.stream().mapToLong(Box::payloadOffset).toArray();
		this.ends = mdats.stream().mapToLong(Box::end).toArray();
	}

	boolean contains(long offset) {
		int found = Arrays.binarySearch(this.starts, offset);
		int index = (found >= 0) ? found : -found - 2;
		return index >= 0 && offset < this.ends[index];
	}

}
