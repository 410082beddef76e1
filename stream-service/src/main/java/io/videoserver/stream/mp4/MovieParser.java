package io.videoserver.stream.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code moov} box: the movie's duration, each track's handler, size, codec and
 * chunk offsets, checking on the way that every track holds the boxes a player needs.
 */
final class MovieParser {

	private static final long UNKNOWN_DURATION_V0 = 0xFFFF_FFFFL;

	private final BoxReader reader;

	private final MediaData media;

	MovieParser(BoxReader reader, MediaData media) {
		this.reader = reader;
		this.media = media;
	}

	Movie parse(Box moov) throws IOException {
		List<Box> inMoov = children(moov);
		@Nullable Long durationMs = durationMs(Box.only(inMoov, Box.MVHD, "moov"));
		List<Track> tracks = new ArrayList<>();
		for (Box trak : inMoov) {
			if (trak.is(Box.TRAK)) {
				tracks.add(track(moov, trak));
			}
		}
		Track main = tracks.stream()
			.min(Comparator
				.comparingInt((track) -> (track.handler() == Box.VIDE) ? 0 : (track.handler() == Box.SOUN) ? 1 : 2))
			.orElseThrow(() -> new InvalidMp4Exception("the movie has no track"));
		return new Movie(new MediaInfo(durationMs, main.width(), main.height(), main.codec()),
				tracks.stream().map(Track::chunks).toList(), browserPlayable(tracks));
	}

	/**
	 * H.264 video ({@code avc1}, {@code avc3}) with AAC ({@code mp4a}) or no audio: what
	 * every browser plays. {@code mp4a} is taken for AAC without reading its decoder
	 * configuration: MPEG-4 audio's other object types in it (MP3, mostly) are rare, and
	 * browsers play them too.
	 */
	private static boolean browserPlayable(List<Track> tracks) {
		boolean video = false;
		for (Track track : tracks) {
			if (track.handler() == Box.VIDE) {
				video = true;
				if (!"avc1".equals(track.codec()) && !"avc3".equals(track.codec())) {
					return false;
				}
			}
			else if (track.handler() == Box.SOUN && !"mp4a".equals(track.codec())) {
				return false;
			}
		}
		return video;
	}

	private Track track(Box moov, Box trak) throws IOException {
		List<Box> inTrak = children(trak);
		Box mdia = Box.only(inTrak, Box.MDIA, "trak");
		List<Box> inMdia = children(mdia);
		int handler = this.reader.payload(Box.only(inMdia, Box.HDLR, "mdia"), 12, 12).getInt(8);
		Box minf = Box.only(inMdia, Box.MINF, "mdia");
		Box stbl = Box.only(children(minf), Box.STBL, "minf");
		List<Box> inStbl = children(stbl);
		Box entry = sampleEntry(Box.only(inStbl, Box.STSD, "stbl"));
		ChunkTable chunks = ChunkTable.read(this.reader, chunkOffsets(inStbl), List.of(moov, trak, mdia, minf, stbl),
				this.media);
		if (handler != Box.VIDE) {
			return new Track(handler, null, null, codec(entry), chunks);
		}
		int[] size = displaySize(Box.only(inTrak, Box.TKHD, "trak"), entry);
		return new Track(handler, positive(size[0]), positive(size[1]), codec(entry), chunks);
	}

	private List<Box> children(Box parent) throws IOException {
		return this.reader.children(parent.payloadOffset(), parent.end(), false);
	}

	private static Box chunkOffsets(List<Box> inStbl) {
		boolean narrow = inStbl.stream().anyMatch((box) -> box.is(Box.STCO));
		return Box.only(inStbl, narrow ? Box.STCO : Box.CO64, "stbl");
	}

	/** The first entry of a sample description box; a track without one cannot play. */
	private Box sampleEntry(Box stsd) throws IOException {
		if (this.reader.payload(stsd, 8, 8).getInt(4) == 0) {
			throw new InvalidMp4Exception("the sample description " + stsd + " is empty");
		}
		return this.reader.header(stsd.payloadOffset() + 8, stsd.end(), false);
	}

	/**
	 * {@code tkhd}'s 16.16 presentation size, else the visual sample entry's coded size.
	 */
	private int[] displaySize(Box tkhd, Box entry) throws IOException {
		ByteBuffer header = this.reader.payload(tkhd, 84, 96);
		int at = (header.get(0) == 0) ? 76 : 88;
		if (header.limit() < at + 8) {
			throw new InvalidMp4Exception("the track header " + tkhd + " is too short");
		}
		int width = header.getInt(at) >>> 16;
		int height = header.getInt(at + 4) >>> 16;
		if ((width == 0 || height == 0) && entry.payloadSize() >= 28) {
			ByteBuffer visual = this.reader.payload(entry, 28, 28);
			return new int[] { Short.toUnsignedInt(visual.getShort(24)), Short.toUnsignedInt(visual.getShort(26)) };
		}
		return new int[] { width, height };
	}

	private @Nullable Long durationMs(Box mvhd) throws IOException {
		ByteBuffer header = this.reader.payload(mvhd, 100, 112);
		int version = header.get(0);
		if (version > 1 || (version == 1 && header.limit() < 112)) {
			throw new InvalidMp4Exception("the movie header " + mvhd + " has an unknown version or is too short");
		}
		long timescale = Integer.toUnsignedLong(header.getInt((version == 0) ? 12 : 20));
		long duration = (version == 0) ? Integer.toUnsignedLong(header.getInt(16)) : header.getLong(24);
		if (timescale == 0) {
			throw new InvalidMp4Exception("the movie header " + mvhd + " has a time scale of 0");
		}
		if (duration <= 0 || (version == 0 && duration == UNKNOWN_DURATION_V0)) {
			return null;
		}
		return (duration <= Long.MAX_VALUE / 1000) ? duration * 1000 / timescale : duration / timescale * 1000;
	}

	private static @Nullable String codec(Box entry) {
		String name = Box.name(entry.type()).trim();
		return (name.isEmpty() || name.contains("?")) ? null : name;
	}

	private static @Nullable Integer positive(int value) {
		return (value > 0) ? value : null;
	}

}
