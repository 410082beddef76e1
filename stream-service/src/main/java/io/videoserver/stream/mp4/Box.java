package io.videoserver.stream.mp4;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One box of the file: where it starts, how long its header is and how far it reaches,
 * already checked by {@link BoxReader} to lie inside its parent.
 *
 * @param type the four-character type as a big-endian int
 * @param offset the position of the box's first byte in the file
 * @param headerSize 8, or 16 with a 64-bit size
 * @param size the whole box's length, header included
 */
record Box(int type, long offset, int headerSize, long size) {

	static final int FTYP = type("ftyp");

	static final int MOOV = type("moov");

	static final int MDAT = type("mdat");

	static final int MOOF = type("moof");

	static final int MVHD = type("mvhd");

	static final int TRAK = type("trak");

	static final int TKHD = type("tkhd");

	static final int MDIA = type("mdia");

	static final int HDLR = type("hdlr");

	static final int MINF = type("minf");

	static final int STBL = type("stbl");

	static final int STSD = type("stsd");

	static final int STCO = type("stco");

	static final int CO64 = type("co64");

	static final int VIDE = type("vide");

	static final int SOUN = type("soun");

	boolean is(int other) {
		return this.type == other;
	}

	long end() {
		return this.offset + this.size;
	}

	long payloadOffset() {
		return this.offset + this.headerSize;
	}

	long payloadSize() {
		return this.size - this.headerSize;
	}

	@Override
	public String toString() {
		return "'" + name(this.type) + "' at " + this.offset;
	}

	/** The one box of a type among siblings; anything else makes the file invalid. */
	static Box only(List<Box> boxes, int type, String parent) {
		@Nullable Box found = null;
		for (Box box : boxes) {
			if (box.is(type)) {
				if (found != null) {
					throw new InvalidMp4Exception("more than one '" + name(type) + "' box in " + parent);
				}
				found = box;
			}
		}
		if (found == null) {
			throw new InvalidMp4Exception("no '" + name(type) + "' box in " + parent);
		}
		return found;
	}

	static int type(String fourcc) {
		return (fourcc.charAt(0) << 24) | (fourcc.charAt(1) << 16) | (fourcc.charAt(2) << 8) | fourcc.charAt(3);
	}

	/** The type as text, with anything but printable ASCII shown as {@code ?}. */
	static String name(int type) {
		StringBuilder name = new StringBuilder(4);
		for (int shift = 24; shift >= 0; shift -= 8) {
			char c = (char) ((type >>> shift) & 0xFF);
			name.append((c >= 0x20 && c < 0x7F) ? c : '?');
		}
		return name.toString();
	}

}
