package io.videoserver.shared.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Asks ffprobe what a file holds, so an upload is refused with a reason the user can act
 * on, and the transcoder knows the picture it scales.
 */
public final class MediaProbe {

	/** Far more than the JSON of any real file; a hostile one must not fill the heap. */
	private static final int MAX_JSON = 4 * 1024 * 1024;

	private static final Pattern LOG_CONTEXT = Pattern.compile("^\\[[^\\]]* @ 0x[0-9a-fA-F]+\\] ");

	private final MediaTools tools;

	private final Duration timeout;

	public MediaProbe(MediaTools tools, Duration timeout) {
		this.tools = tools;
		this.timeout = timeout;
	}

	/**
	 * Describes a file.
	 * @throws NotAVideoException when ffprobe cannot read it or it has no video stream
	 * @throws IOException when the file is missing, or ffprobe cannot start or runs
	 * longer than the timeout (a busy machine, not necessarily a bad file)
	 */
	public MediaInfo probe(Path file) throws NotAVideoException, IOException {
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString());
		}
		// "file:" and an absolute path: a name such as "-x" or "http:x" stays a local
		// file.
		String input = "file:" + file.toAbsolutePath();
		ToolProcess ffprobe = ToolProcess.start(List.of(this.tools.ffprobe().toString(), "-v", "error", "-print_format",
				"json", "-show_format", "-show_streams", input), null, MAX_JSON);
		int exit = await(ffprobe, file);
		if (exit != 0) {
			throw new NotAVideoException("The file could not be read as a video: " + reason(ffprobe, input));
		}
		return ProbeJson.parse(new String(ffprobe.stdout(), StandardCharsets.UTF_8));
	}

	private int await(ToolProcess ffprobe, Path file) throws IOException {
		try {
			return ffprobe.waitFor(this.timeout);
		}
		catch (TimeoutException ex) {
			throw new IOException("ffprobe did not read " + file.getFileName() + " within " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while ffprobe read " + file.getFileName(), ex);
		}
	}

	/** ffprobe's first complaint, as a reason to show the user. */
	private static String reason(ToolProcess ffprobe, String input) {
		return ffprobe.stderr()
			.stream()
			.filter((line) -> !line.isBlank())
			.findFirst()
			.map((line) -> plainReason(line, input))
			.orElse("unknown error");
	}

	/**
	 * A line of ffprobe's without what only helps a developer: the path it starts with
	 * (the server's file name) and the {@code [demuxer @ 0x...]} of its log context.
	 */
	static String plainReason(String line, String input) {
		String reason = line.startsWith(input + ": ") ? line.substring(input.length() + 2) : line;
		return LOG_CONTEXT.matcher(reason).replaceFirst("").strip();
	}

}
