package io.videoserver.shared.media;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The containers an upload may come in, told apart by their first bytes so that a file is
 * refused before it is stored, whatever its name claims.
 */
public enum ContainerKind {

	/** ISO base media (MP4, MOV, M4V): a box whose type is at offset 4. */
	MP4,

	/** Matroska and WebM: the EBML magic. */
	MATROSKA,

	/** AVI: a RIFF file of form type {@code AVI }. */
	AVI;

	/** How many first bytes {@link #sniff} needs to tell every kind. */
	public static final int HEAD = 12;

	/** The box types that open an MP4 or MOV file; QuickTime may start without ftyp. */
	private static final Set<String> MP4_FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");

	private static final byte[] EBML = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 };

	/**
	 * The container a file's first bytes announce.
	 * @param head the file's first bytes
	 * @param length how many of them were read (at most {@code head.length})
	 * @return the kind, or {@code null} for anything else (or too few bytes)
	 */
	public static @Nullable ContainerKind sniff(byte[] head, int length) {
		int n = Math.min(length, head.length);
		if (n >= 4 && startsWith(head, EBML)) {
			return MATROSKA;
		}
		if (n >= 8 && MP4_FIRST_BOXES.contains(ascii(head, 4, 8))) {
			return MP4;
		}
		if (n >= HEAD && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 12).equals("AVI ")) {
			return AVI;
		}
		return null;
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static String ascii(byte[] head, int from, int to) {
		return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
	}

}
