package io.videoserver.stream.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Builds small but complete MP4 files byte by byte, so that a test knows every offset: a
 * video track, optionally an audio track, their chunks one after the other in one mdat.
 */
public final class TestMp4 {

	static final byte[] FTYP = box("ftyp", ascii("isom"), u32(0x200), ascii("isom"), ascii("mp42"));

	private boolean moovFirst = true;

	private boolean wide;

	private boolean largeMdat;

	private boolean audio;

	private String audioCodec = "mp4a";

	private boolean free;

	private int mvhdVersion;

	private int chunks = 3;

	private int chunkSize = 100;

	private int padding;

	private long seed = 1;

	private String codec = "avc1";

	private int width = 320;

	private int height = 240;

	private long timescale = 1000;

	private long duration = 10_000;

	public static TestMp4 video() {
		return new TestMp4();
	}

	/** A valid MP4, moov first, of exactly {@code size} bytes (at least 1 KB). */
	public static byte[] ofSize(int size, long seed) {
		TestMp4 mp4 = video().seed(seed);
		mp4.padding = size - mp4.build().length;
		if (mp4.padding < 0) {
			throw new IllegalArgumentException("An MP4 takes at least " + (size - mp4.padding) + " bytes");
		}
		return mp4.build();
	}

	public TestMp4 moovLast() {
		this.moovFirst = false;
		return this;
	}

	public TestMp4 moovFirst(boolean first) {
		this.moovFirst = first;
		return this;
	}

	/** 64-bit chunk offsets (co64) instead of 32-bit ones (stco). */
	public TestMp4 wide(boolean wide) {
		this.wide = wide;
		return this;
	}

	/** An mdat header with a 64-bit size field. */
	public TestMp4 largeMdat() {
		this.largeMdat = true;
		return this;
	}

	public TestMp4 withAudio() {
		this.audio = true;
		return this;
	}

	/** An audio track whose sample entry has this type ({@code Opus}, {@code ac-3}…). */
	public TestMp4 withAudio(String codec) {
		this.audio = true;
		this.audioCodec = codec;
		return this;
	}

	/** A free box before the mdat box. */
	public TestMp4 withFree() {
		this.free = true;
		return this;
	}

	public TestMp4 chunks(int count, int size) {
		this.chunks = count;
		this.chunkSize = size;
		return this;
	}

	public TestMp4 seed(long seed) {
		this.seed = seed;
		return this;
	}

	public TestMp4 video(String codec, int width, int height) {
		this.codec = codec;
		this.width = width;
		this.height = height;
		return this;
	}

	public TestMp4 duration(int version, long timescale, long duration) {
		this.mvhdVersion = version;
		this.timescale = timescale;
		this.duration = duration;
		return this;
	}

	int chunkSize() {
		return this.chunkSize;
	}

	public byte[] build() {
		byte[] media = new byte[this.chunks * this.chunkSize * (this.audio ? 2 : 1) + this.padding];
		new Random(this.seed).nextBytes(media);
		int mdatHeader = this.largeMdat ? 16 : 8;
		int moovSize = moov(0).length;
		long mediaStart = FTYP.length + (this.free ? 16 : 0) + (this.moovFirst ? moovSize : 0) + mdatHeader;
		byte[] mdat = this.largeMdat
				? concat(u32(1), ascii("mdat"), ByteBuffer.allocate(8).putLong(16L + media.length).array(), media)
				: box("mdat", media);
		byte[] moov = moov(mediaStart);
		byte[] freeBox = this.free ? box("free", new byte[8]) : new byte[0];
		return this.moovFirst ? concat(FTYP, moov, freeBox, mdat) : concat(FTYP, freeBox, mdat, moov);
	}

	private byte[] moov(long mediaStart) {
		byte[] video = trak(1, "vide", sampleEntry(), mediaStart);
		byte[] sound = this.audio
				? trak(2, "soun", box(this.audioCodec, new byte[28]), mediaStart + (long) this.chunks * this.chunkSize)
				: new byte[0];
		return box("moov", mvhd(), video, sound);
	}

	private byte[] mvhd() {
		byte[] times = (this.mvhdVersion == 1)
				? concat(new byte[16], u32(this.timescale), ByteBuffer.allocate(8).putLong(this.duration).array())
				: concat(new byte[8], u32(this.timescale), u32(this.duration));
		return full("mvhd", this.mvhdVersion,
				concat(times, u32(0x00010000), new byte[] { 1, 0 }, new byte[10], matrix(), new byte[24], u32(3)));
	}

	private byte[] trak(int id, String handler, byte[] entry, long firstChunk) {
		boolean vide = handler.equals("vide");
		byte[] tkhd = full("tkhd", 0, concat(new byte[8], u32(id), new byte[4], u32(this.duration), new byte[16],
				matrix(), u32(vide ? this.width << 16 : 0), u32(vide ? this.height << 16 : 0)));
		byte[] hdlr = full("hdlr", 0, concat(u32(0), ascii(handler), new byte[12], ascii("handler\0")));
		byte[] header = vide ? full("vmhd", 0, new byte[8]) : full("smhd", 0, new byte[4]);
		byte[] dinf = box("dinf", full("dref", 0, concat(u32(1), full("url ", 0, new byte[0]))));
		byte[] stbl = box("stbl", full("stsd", 0, concat(u32(1), entry)),
				full("stts", 0, concat(u32(1), u32(this.chunks), u32(1000))),
				full("stsc", 0, concat(u32(1), u32(1), u32(1), u32(1))),
				full("stsz", 0, concat(u32(this.chunkSize), u32(this.chunks))), chunkOffsets(firstChunk));
		byte[] mdhd = full("mdhd", 0, concat(new byte[8], u32(1000), u32(this.duration), new byte[4]));
		return box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", header, dinf, stbl)));
	}

	private byte[] chunkOffsets(long first) {
		ByteBuffer table = ByteBuffer.allocate(4 + this.chunks * (this.wide ? 8 : 4)).putInt(this.chunks);
		for (int i = 0; i < this.chunks; i++) {
			long offset = first + (long) i * this.chunkSize;
			if (this.wide) {
				table.putLong(offset);
			}
			else {
				table.putInt((int) offset);
			}
		}
		return full(this.wide ? "co64" : "stco", 0, table.array());
	}

	private byte[] sampleEntry() {
		ByteBuffer entry = ByteBuffer.allocate(78).put(new byte[6]).putShort((short) 1).put(new byte[16]);
		entry.putShort((short) this.width).putShort((short) this.height).putInt(0x00480000).putInt(0x00480000);
		return box(this.codec,
				entry.putInt(0)
					.putShort((short) 1)
					.put(new byte[32])
					.putShort((short) 0x18)
					.putShort((short) -1)
					.array());
	}

	private static byte[] matrix() {
		return ByteBuffer.allocate(36).putInt(0x00010000).putInt(16, 0x00010000).putInt(32, 0x40000000).array();
	}

	static byte[] box(String type, byte[]... parts) {
		byte[] payload = concat(parts);
		return concat(u32(8L + payload.length), ascii(type), payload);
	}

	static byte[] full(String type, int version, byte[] payload) {
		return box(type, new byte[] { (byte) version, 0, 0, 0 }, payload);
	}

	static byte[] u32(long value) {
		return ByteBuffer.allocate(4).putInt((int) value).array();
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
