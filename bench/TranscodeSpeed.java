import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.videoserver.shared.media.HlsTranscode;
import io.videoserver.shared.media.Ladder;
import io.videoserver.shared.media.MediaInfo;
import io.videoserver.shared.media.MediaProbe;
import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.media.MediaTools;
import io.videoserver.shared.media.Rendition;

/**
 * Transcoding speed on this machine, as a multiple of real time, for one source: each
 * rung of the ladder made alone with the project's settings (shared.media.HlsTranscode,
 * what the scheduler's transcoder runs), the whole ladder plus MP4 and poster in the one
 * run a job makes, and each rung with PeerTube's default VOD settings through the same
 * ffmpeg. Run by bench/transcode-speed.sh with the scheduler-service's libraries on the
 * class path:
 *
 * <pre>
 * java -cp 'lib/*' bench/TranscodeSpeed.java WORK_DIR [SECONDS]
 * </pre>
 */
public class TranscodeSpeed {

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[0]);
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 60;
		MediaTools tools = MediaTools.of(MediaSettings.bundled());
		Path source = work.resolve("source-1080p-" + seconds + "s.mp4");
		if (!Files.exists(source)) {
			System.out.println("Making a " + seconds + " s 1080p30 H.264/AAC source (testsrc2 with film grain)");
			run(tools.ffmpeg().toString(), "-v", "error", "-y", "-f", "lavfi", "-i",
					"testsrc2=size=1920x1080:rate=30:duration=" + seconds, "-f", "lavfi", "-i",
					"sine=frequency=440:duration=" + seconds, "-vf", "noise=alls=12:allf=t", "-c:v", "libx264",
					"-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k",
					source.toString());
		}
		MediaInfo info = new MediaProbe(tools, Duration.ofSeconds(30)).probe(source);
		double length = info.durationMs() / 1000.0;
		List<Rendition> ladder = Ladder.of(info);
		System.out.printf("source: %s, %dx%d, %.1f fps, %s/%s, %.1f s%n", source.getFileName(), info.width(),
				info.height(), info.frameRate(), info.videoCodec(), info.audioCodec(), length);
		System.out.printf("%-8s %-30s %10s %12s%n", "rung", "settings", "seconds", "x real time");
		for (Rendition rung : ladder) {
			Path out = fresh(work.resolve("ours-" + rung.height()));
			HlsTranscode.Result result = new HlsTranscode(tools,
					HlsTranscode.Job.of(source, info, out.resolve("v"), Duration.ofHours(1))
						.withRenditions(List.of(rung)))
				.run();
			report(rung.height() + "p", "project (one rung)", result.elapsed(), length);
			Path peertube = fresh(work.resolve("peertube-" + rung.height()));
			long start = System.nanoTime();
			run(peerTube(tools, source, rung, info, peertube));
			report(rung.height() + "p", "PeerTube default VOD", Duration.ofNanos(System.nanoTime() - start), length);
		}
		Path all = fresh(work.resolve("ours-ladder"));
		HlsTranscode.Result job = new HlsTranscode(tools,
				HlsTranscode.Job.of(source, info, all.resolve("v"), Duration.ofHours(1))
					.withMp4(all.resolve("video.mp4"))
					.withPoster(all.resolve("poster.jpg")))
			.run();
		report("ladder", "project: every rung + MP4 + poster", job.elapsed(), length);
	}

	/**
	 * PeerTube's default VOD transcoding of one resolution to HLS (its
	 * default-transcoding-profiles and ffmpeg-utils): libx264 veryfast, x264's default CRF,
	 * maxrate at the rung's target bitrate and a buffer twice that, 16 B-frames with
	 * b_strategy 1, level 3.1, a keyframe every 2 s, AAC, 4 s fMP4 segments in one file.
	 * One ffmpeg run per resolution, as PeerTube queues them.
	 */
	private static List<String> peerTube(MediaTools tools, Path source, Rendition rung, MediaInfo info, Path out) {
		int fps = (int) Math.round(Math.min(info.frameRate(), 60));
		List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-y", "-i",
				source.toString(), "-vf", "scale=-2:" + rung.height(), "-c:v", "libx264", "-preset", "veryfast", "-r",
				Integer.toString(fps), "-maxrate", rung.videoKbps() + "k", "-bufsize", 2 * rung.videoKbps() + "k",
				"-b_strategy", "1", "-bf", "16", "-pix_fmt", "yuv420p", "-level:v", "3.1", "-g",
				Integer.toString(fps * 2), "-map_metadata", "-1", "-max_muxing_queue_size", "1024", "-c:a", "aac",
				"-b:a", "128k", "-hls_time", "4", "-hls_list_size", "0", "-hls_playlist_type", "vod",
				"-hls_segment_type", "fmp4", "-hls_flags", "single_file", "-hls_segment_filename",
				out.resolve(rung.height() + ".mp4").toString(), "-f", "hls", out.resolve(rung.height() + ".m3u8").toString()));
		return command;
	}

	private static void report(String rung, String settings, Duration took, double length) {
		double secondsTaken = took.toMillis() / 1000.0;
		System.out.printf("%-8s %-30s %10.1f %11.2fx%n", rung, settings, secondsTaken, length / secondsTaken);
	}

	private static Path fresh(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
		return Files.createDirectories(dir);
	}

	private static void run(String... command) throws Exception {
		run(List.of(command));
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
			throw new IllegalStateException("Failed: " + String.join(" ", command));
		}
	}

}
