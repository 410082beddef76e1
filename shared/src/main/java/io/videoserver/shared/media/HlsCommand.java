package io.videoserver.shared.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The ffmpeg command lines of a transcode, apart from running them so that what each
 * option is for can be read (and tested) in one place.
 */
final class HlsCommand {

	/** Seconds per segment, and between keyframes so every segment starts with one. */
	static final int SEGMENT_SECONDS = 4;

	/**
	 * libx264's speed: veryfast encodes about three times faster than the default on our
	 * two cores for some 10 % more bits at the same quality, which the bitrate caps
	 * absorb.
	 */
	private static final String PRESET = "veryfast";

	/** Constant quality, capped per rung by its peak bitrate. */
	private static final String CRF = "23";

	private static final int POSTER_MAX_WIDTH = 640;

	/**
	 * Frame rates a variable-rate source is made constant at, the smallest that keeps it.
	 */
	private static final int[] STANDARD_RATES = { 24, 25, 30, 50, 60 };

	private static final int MAX_RATE = 60;

	private HlsCommand() {
	}

	/**
	 * One run that scales the source to every rung, encodes H.264 (and AAC when the
	 * source has sound) and writes the ladder: fMP4 segments, VOD playlists and the
	 * master playlist, named as {@link io.videoserver.shared.store.VideoLayout} names
	 * them.
	 */
	static List<String> hls(Path ffmpeg, Path source, MediaInfo info, List<Rendition> rungs, Path dir) {
		boolean audio = info.audioCodec() != null && rungs.get(0).audioKbps() > 0;
		List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-v",
				"error", "-progress", "pipe:1", "-nostats", "-i", input(source)));
		command.addAll(List.of("-filter_complex", filters(info, rungs)));
		StringJoiner streamMap = new StringJoiner(" ");
		for (int i = 0; i < rungs.size(); i++) {
			command.addAll(List.of("-map", "[v" + i + "]"));
			if (audio) {
				command.addAll(List.of("-map", "0:a:0"));
			}
			streamMap.add("v:" + i + (audio ? ",a:" + i : "") + ",name:" + rungs.get(i).height());
		}
		command.addAll(List.of("-c:v", "libx264", "-preset", PRESET, "-crf", CRF));
		for (int i = 0; i < rungs.size(); i++) {
			int kbps = rungs.get(i).videoKbps();
			command.addAll(List.of("-maxrate:v:" + i, kbps + "k", "-bufsize:v:" + i, (2 * kbps) + "k"));
		}
		// A keyframe every 4 s on the clock, not on scene cuts: the rungs' segments line
		// up.
		command
			.addAll(List.of("-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")", "-sc_threshold", "0"));
		if (audio) {
			command.addAll(List.of("-c:a", "aac", "-b:a", rungs.get(0).audioKbps() + "k", "-ac", "2"));
		}
		// No tags from the upload (phones record where a video was taken), no chapters.
		command.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1"));
		command.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
				"-hls_segment_type", "fmp4", "-hls_flags", "independent_segments", "-hls_fmp4_init_filename",
				initName(rungs), "-hls_segment_filename", dir.resolve("r%v-%05d.m4s").toString(), "-master_pl_name",
				"master.m3u8", "-var_stream_map", streamMap.toString(), dir.resolve("r%v.m3u8").toString()));
		return command;
	}

	/** ffmpeg puts a variant's name in place of %v only when there are several. */
	private static String initName(List<Rendition> rungs) {
		return (rungs.size() == 1) ? "r" + rungs.get(0).height() + "-init.mp4" : "r%v-init.mp4";
	}

	/**
	 * The top rung's segments joined into one MP4 whose index comes first, so a browser
	 * starts playing it before it has it all: no encoding, just copying.
	 */
	static List<String> mp4(Path ffmpeg, Path topPlaylist, Path mp4) {
		return List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-v", "error", "-i", input(topPlaylist),
				"-map", "0", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", mp4.toAbsolutePath().toString());
	}

	/**
	 * One picture from early in the video (not its cover picture), at most 640 pixels
	 * wide, as a JPEG.
	 */
	static List<String> poster(Path ffmpeg, Path source, MediaInfo info, Path poster) {
		return List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-v", "error", "-ss",
				seconds(posterAtMs(info.durationMs())), "-i", input(source), "-map", "0:V:0", "-frames:v", "1", "-vf",
				"scale='min(" + POSTER_MAX_WIDTH + ",iw)':-2", "-q:v", "3", "-map_metadata", "-1", "-f", "image2",
				"-update", "1", poster.toAbsolutePath().toString());
	}

	/**
	 * A tenth of the way in, past a fade from black, but at least 1 s in and never past
	 * the middle of a short clip.
	 */
	static long posterAtMs(long durationMs) {
		return Math.min(Math.max(1000, durationMs / 10), durationMs / 2);
	}

	/**
	 * The first video stream that is not a cover picture ({@code V}, as ffprobe's reading
	 * skips them too), its frame rate made constant (so players get evenly spaced frames
	 * from a phone's variable-rate video), then split and scaled per rung; ffmpeg has
	 * already turned the picture upright by its rotation flag.
	 */
	static String filters(MediaInfo info, List<Rendition> rungs) {
		StringBuilder graph = new StringBuilder("[0:V:0]fps=" + outputRate(info) + ",split=" + rungs.size());
		for (int i = 0; i < rungs.size(); i++) {
			graph.append("[s").append(i).append(']');
		}
		boolean portrait = info.displayHeight() > info.displayWidth();
		for (int i = 0; i < rungs.size(); i++) {
			int size = rungs.get(i).height();
			String scale = portrait ? size + ":-2" : "-2:" + size;
			graph.append(";[s")
				.append(i)
				.append("]scale=")
				.append(scale)
				.append(",format=yuv420p[v")
				.append(i)
				.append(']');
		}
		return graph.toString();
	}

	/** The constant output rate: the source's, a standard one for a variable source. */
	static String outputRate(MediaInfo info) {
		double rate = info.frameRate();
		if (!(rate > 0)) {
			return "30";
		}
		if (info.variableFrameRate()) {
			for (int standard : STANDARD_RATES) {
				if (rate <= standard + 0.01) {
					return String.valueOf(standard);
				}
			}
			return String.valueOf(MAX_RATE);
		}
		for (int base : new int[] { 24, 30, 60 }) {
			if (Math.abs(rate - base * 1000.0 / 1001) < 0.01) {
				return (base * 1000) + "/1001";
			}
		}
		double capped = Math.max(1, Math.min(MAX_RATE, rate));
		return (Math.abs(capped - Math.rint(capped)) < 0.01) ? String.valueOf((long) Math.rint(capped))
				: String.format(Locale.ROOT, "%.3f", capped);
	}

	/** A source always as a local file: a name like {@code http:x} is not a protocol. */
	private static String input(Path file) {
		return "file:" + file.toAbsolutePath();
	}

	private static String seconds(long ms) {
		return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
	}

}
