package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an H.264 decoder of the first video track reads before its first frame, present
 * only when nothing in the movie makes JCodec's demuxer allocate more than the file
 * holds: it sizes its arrays by the entry counts of the tables ({@link CountedTables})
 * and each sample's buffer by its size.
 *
 * @param decoderConfig the payload of the first sample entry's {@code avcC} box
 * @param largestSample the largest sample of the track, in bytes
 */
public record AvcTrack(ByteBuffer decoderConfig, long largestSample) {

	/**
	 * A demuxer holds the whole moov and objects for its table entries, several times its
	 * size; the moov of a four-hour video takes a few MB.
	 */
	public static final long MAX_MOOV = 16L * 1024 * 1024;

	/** A decoder configuration holds a few parameter sets of a few bytes each. */
	private static final int MAX_CONFIG = 64 * 1024;

	/**
	 * Sample sizes read at a time, so that a table of any size is read in bounded memory.
	 */
	private static final int BATCH = 8192;

	private static final Set<String> AVC = Set.of("avc1", "avc3");

	private static final int STSZ = Box.type("stsz");

	private static final int AVCC = Box.type("avcC");

	/** A visual sample entry's fixed fields come before its child boxes. */
	private static final int VISUAL_ENTRY = 78;

	/**
	 * The first video track of a checked MP4, when it is H.264 with a decoder
	 * configuration, its moov at most {@link #MAX_MOOV} and every table in it holding
	 * what it counts.
	 */
	public static Optional<AvcTrack> read(FileChannel file) throws IOException {
		Mp4File mp4 = Mp4File.read(file);
		if (mp4.moov().size() > MAX_MOOV) {
			return Optional.empty();
		}
		BoxReader reader = new BoxReader(file);
		Box moov = mp4.moov();
		if (!CountedTables.fit(reader.read(moov.payloadOffset(), (int) moov.payloadSize()))) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(read(reader, mp4.moov()));
		}
		catch (InvalidMp4Exception ex) {
			return Optional.empty();
		}
	}

	private static @Nullable AvcTrack read(BoxReader reader, Box moov) throws IOException {
		@Nullable AvcTrack video = null;
		boolean first = true;
		for (Box trak : children(reader, moov)) {
			if (!trak.is(Box.TRAK)) {
				continue;
			}
			Box mdia = Box.only(children(reader, trak), Box.MDIA, "trak");
			List<Box> inMdia = children(reader, mdia);
			int handler = reader.payload(Box.only(inMdia, Box.HDLR, "mdia"), 12, 12).getInt(8);
			Box minf = Box.only(inMdia, Box.MINF, "mdia");
			List<Box> inStbl = children(reader, Box.only(children(reader, minf), Box.STBL, "minf"));
			Box entry = sampleEntry(reader, Box.only(inStbl, Box.STSD, "stbl"));
			if (entry.is(Box.type("tmcd"))) {
				return null; // a demuxer reads the samples of a time code track at once
			}
			if (handler == Box.VIDE && first) {
				first = false;
				video = avc(reader, entry, Box.only(inStbl, STSZ, "stbl"));
			}
		}
		return video;
	}

	private static @Nullable AvcTrack avc(BoxReader reader, Box entry, Box stsz) throws IOException {
		if (!AVC.contains(Box.name(entry.type())) || entry.payloadSize() < VISUAL_ENTRY) {
			return null;
		}
		for (Box child : reader.children(entry.payloadOffset() + VISUAL_ENTRY, entry.end(), false)) {
			if (child.is(AVCC) && child.payloadSize() <= MAX_CONFIG) {
				return new AvcTrack(reader.payload(child, 0, MAX_CONFIG).asReadOnlyBuffer(), largest(reader, stsz));
			}
		}
		return null;
	}

	/** The largest size in a sample size table that has been checked to fit. */
	private static long largest(BoxReader reader, Box stsz) throws IOException {
		long fixed = count(reader, stsz, 4);
		if (fixed != 0) {
			return fixed;
		}
		long largest = 0;
		long position = stsz.payloadOffset() + 12;
		for (long left = count(reader, stsz, 8); left > 0;) {
			int batch = (int) Math.min(left, BATCH);
			ByteBuffer sizes = reader.read(position, batch * 4);
			for (int i = 0; i < batch; i++) {
				largest = Math.max(largest, Integer.toUnsignedLong(sizes.getInt()));
			}
			position += batch * 4L;
			left -= batch;
		}
		return largest;
	}

	private static long count(BoxReader reader, Box table, int at) throws IOException {
		return Integer.toUnsignedLong(reader.payload(table, at + 4, at + 4).getInt(at));
	}

	private static Box sampleEntry(BoxReader reader, Box stsd) throws IOException {
		return reader.header(stsd.payloadOffset() + 8, stsd.end(), false);
	}

	private static List<Box> children(BoxReader reader, Box parent) throws IOException {
		return reader.children(parent.payloadOffset(), parent.end(), false);
	}

}
