package io.videoserver.stream.playback;

/**
 * One satisfiable byte range of a file, both ends inclusive as in {@code Content-Range}.
 *
 * @param first the first byte
 * @param last the last byte, not past the end of the file
 */
record ByteRange(long first, long last) {

	long length() {
		return this.last - this.first + 1;
	}

	String contentRange(long size) {
		return "bytes " + this.first + "-" + this.last + "/" + size;
	}

}
