package io.videoserver.shared.testmedia;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.media.MediaTools;

/**
 * Makes the test videos with the bundled ffmpeg from its test pattern and a sine tone (2
 * s, 320x240 or less, under 100 kB each), so no binary test file is kept in the
 * repository and each kind is exactly what its name says.
 */
public final class TestMedia {

	private static final String PICTURE = "testsrc=size=320x240:rate=30:duration=2";

	private static final String TONE = "sine=frequency=440:sample_rate=48000:duration=2";

	/** The kinds of file, each with the name it is made under. */
	public enum Sample {

		/** H.264 and AAC in MP4: playable as it is. */
		H264_AAC_MP4("h264-aac.mp4"),

		/**
		 * HEVC and AAC in MOV, 320x240 coded, flagged to be shown turned 90° clockwise.
		 */
		HEVC_ROTATED_MOV("hevc-rotated.mov"),

		/** VP9 and Opus in WebM. */
		VP9_OPUS_WEBM("vp9-opus.webm"),

		/** H.264 and AAC in Matroska. */
		H264_AAC_MKV("h264-aac.mkv"),

		/**
		 * H.264 in MP4 with frames at uneven intervals (about 14 a second on average).
		 */
		VFR_MP4("vfr.mp4"),

		/** H.264 in MP4 without an audio stream. */
		NO_AUDIO_MP4("no-audio.mp4"),

		/** The first half of an MP4 whose index comes last: no index at all. */
		TRUNCATED_MP4("truncated.mp4"),

		/** A text file named as an MP4. */
		TEXT_MP4("text.mp4"),

		/** MPEG-4 Part 2 and MP3 in AVI. */
		AVI("mpeg4-mp3.avi");

		private final String fileName;

		Sample(String fileName) {
			this.fileName = fileName;
		}

		public String fileName() {
			return this.fileName;
		}

	}

	private TestMedia() {
	}

	/** Every sample, made in a directory (kept when there already). */
	public static Map<Sample, Path> createAll(Path dir) {
		Map<Sample, Path> files = new EnumMap<>(Sample.class);
		for (Sample sample : Sample.values()) {
			files.put(sample, create(dir, sample));
		}
		return files;
	}

	/** One sample, made in a directory unless it is there already. */
	public static Path create(Path dir, Sample sample) {
		Path file = dir.resolve(sample.fileName());
		try {
			if (!Files.exists(file)) {
				// Made under another name and moved: a failed run leaves no half-made
				// sample.
				Files.createDirectories(dir);
				Path partial = dir.resolve("partial-" + sample.fileName());
				make(dir, sample, partial);
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void make(Path dir, Sample sample, Path file) throws IOException {
		switch (sample) {
			case H264_AAC_MP4 ->
				encode(file, true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
			case HEVC_ROTATED_MOV -> {
				Path upright = dir.resolve("hevc-upright.mov");
				encode(upright, true, "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
						"-tag:v", "hvc1", "-c:a", "aac");
				// The display matrix counts counter-clockwise: -90 is a quarter turn
				// clockwise.
				ffmpeg("-display_rotation:v:0", "-90", "-i", upright.toString(), "-c", "copy", file.toString());
				Files.delete(upright);
			}
			case VP9_OPUS_WEBM -> encode(file, true, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8",
					"-b:v", "200k", "-c:a", "libopus");
			case H264_AAC_MKV ->
				encode(file, true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
			case VFR_MP4 -> encode(file, false, "-vf", "select='lt(mod(n\\,10)\\,4)+lt(n\\,5)'", "-fps_mode", "vfr",
					"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
			case NO_AUDIO_MP4 -> encode(file, false, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
			case TRUNCATED_MP4 -> {
				Path whole = dir.resolve("whole.mp4");
				encode(whole, true, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
				byte[] bytes = Files.readAllBytes(whole);
				Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
				Files.delete(whole);
			}
			case TEXT_MP4 -> Files.writeString(file, "This is a text file, not a video.\n".repeat(20));
			case AVI -> encode(file, true, "-c:v", "mpeg4", "-q:v", "5", "-c:a", "libmp3lame", "-b:a", "96k");
		}
	}

	/** The test picture, with the tone when asked, encoded to a file. */
	private static void encode(Path file, boolean audio, String... codecs) throws IOException {
		List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", PICTURE));
		if (audio) {
			args.addAll(List.of("-f", "lavfi", "-i", TONE));
		}
		args.addAll(List.of(codecs));
		args.add(file.toString());
		ffmpeg(args.toArray(String[]::new));
	}

	private static void ffmpeg(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(MediaTools.of(MediaSettings.bundled()).ffmpeg().toString(),
				"-hide_banner", "-nostdin", "-v", "error", "-y"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("ffmpeg failed to make a test file: " + command + "\n" + output);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
