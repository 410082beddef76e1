package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * An MP4 whose box structure has been checked: {@code ftyp} first, boxes that exactly
 * fill the file, one {@code moov} whose tracks hold what a player needs, and media data
 * in {@code mdat} boxes that every chunk offset points into; it knows whether its moov
 * comes before its media, which a browser needs to start playing at once.
 */
public final class Mp4File {

	/**
	 * The moov of a day-long movie takes tens of MB; a larger one is no video of ours.
	 */
	public static final long MAX_MOOV_SIZE = 64L * 1024 * 1024;

	private final Box ftyp;

	private final Box moov;

	private final Box firstMdat;

	private final long size;

	private final Movie movie;

	private Mp4File(List<Box> boxes, Box moov, Box firstMdat, long size, Movie movie) {
		this.ftyp = boxes.get(0);
		this.moov = moov;
		this.firstMdat = firstMdat;
		this.size = size;
		this.movie = movie;
	}

	/**
	 * Checks a file's boxes, reading headers and small tables only (never the media).
	 * @throws InvalidMp4Exception when the file is not an MP4 this service can serve
	 */
	public static Mp4File read(FileChannel file) throws IOException {
		BoxReader reader = new BoxReader(file);
		List<Box> boxes = reader.children(0, reader.fileSize(), true);
		if (boxes.isEmpty() || !boxes.get(0).is(Box.FTYP) || boxes.get(0).payloadSize() < 8) {
			throw new InvalidMp4Exception("the file does not start with an ftyp box");
		}
		Box moov = Box.only(boxes, Box.MOOV, "the file");
		if (moov.size() > MAX_MOOV_SIZE) {
			throw new InvalidMp4Exception("the moov box is larger than " + MAX_MOOV_SIZE + " bytes");
		}
		List<Box> mdats = boxes.stream().filter((box) -> box.is(Box.MDAT)).toList();
		if (mdats.isEmpty()) {
			throw new InvalidMp4Exception("the file has no mdat box");
		}
		Movie movie = new MovieParser(reader, new MediaData(mdats)).parse(moov);
		Mp4File mp4 = new Mp4File(boxes, moov, mdats.get(0), reader.fileSize(), movie);
		if (!mp4.isFastStart() && boxes.stream().anyMatch((box) -> box.is(Box.MOOF))) {
			throw new InvalidMp4Exception("a fragmented MP4 whose moov box comes last is not supported");
		}
		return mp4;
	}

	Box moov() {
		return this.moov;
	}

	public MediaInfo info() {
		return this.movie.info();
	}

	/**
	 * Whether browsers play it as it is: H.264 video with AAC or no audio; anything else
	 * is transcoded before it plays.
	 */
	public boolean browserPlayable() {
		return this.movie.browserPlayable();
	}

	/** Whether the moov box comes before the media, so playback can start at once. */
	public boolean isFastStart() {
		return this.moov.offset() < this.firstMdat.offset();
	}

	/**
	 * Writes this file with its moov box moved right after ftyp, chunk offsets fixed.
	 * @param file the file that was read
	 * @param out an empty file to write to
	 */
	public void writeFastStart(FileChannel file, FileChannel out) throws IOException {
		writeFastStart(file, out, FastStart.MAX_32_BIT);
	}

	/**
	 * As above, with a lower limit for 32-bit offsets, to test tables that outgrow it.
	 */
	void writeFastStart(FileChannel file, FileChannel out, long max32Bit) throws IOException {
		new FastStart(file, out, this.moov, this.movie.chunkTables(), max32Bit).write(this.ftyp, this.size);
	}

}
