package io.videoserver.shared.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The ffmpeg and ffprobe programs a service runs: the configured ones, checked once, or
 * the ones bundled in {@code org.bytedeco:ffmpeg}, unpacked once per JVM on first use so
 * that a service that never transcodes never pays for it.
 */
public final class MediaTools {

	private static @Nullable Path bundledFfmpeg;

	private static @Nullable Path bundledFfprobe;

	private final @Nullable Path ffmpeg;

	private final @Nullable Path ffprobe;

	private MediaTools(@Nullable Path ffmpeg, @Nullable Path ffprobe) {
		this.ffmpeg = ffmpeg;
		this.ffprobe = ffprobe;
	}

	/**
	 * The programs the settings name.
	 * @throws IllegalArgumentException when a configured program is not an executable
	 * file
	 */
	public static MediaTools of(MediaSettings settings) {
		return new MediaTools(configured(settings.ffmpeg(), "VIDEO_FFMPEG"),
				configured(settings.ffprobe(), "VIDEO_FFPROBE"));
	}

	/**
	 * The ffmpeg program.
	 * @throws IllegalStateException when none is configured and the bundled one cannot be
	 * unpacked or run on this platform
	 */
	public Path ffmpeg() {
		return (this.ffmpeg != null) ? this.ffmpeg : bundledFfmpeg();
	}

	/**
	 * The ffprobe program.
	 * @throws IllegalStateException when none is configured and the bundled one cannot be
	 * unpacked or run on this platform
	 */
	public Path ffprobe() {
		return (this.ffprobe != null) ? this.ffprobe : bundledFfprobe();
	}

	private static synchronized Path bundledFfmpeg() {
		if (bundledFfmpeg == null) {
			bundledFfmpeg = Bundled.ffmpeg();
		}
		return bundledFfmpeg;
	}

	private static synchronized Path bundledFfprobe() {
		if (bundledFfprobe == null) {
			bundledFfprobe = Bundled.ffprobe();
		}
		return bundledFfprobe;
	}

	private static @Nullable Path configured(@Nullable Path program, String variable) {
		// An empty VIDEO_FFMPEG binds to an empty path: it means "not set", not "here".
		if (program == null || program.toString().isEmpty()) {
			return null;
		}
		Path found = (program.getNameCount() == 1 && program.getParent() == null && !program.isAbsolute())
				? onSearchPath(program) : program;
		if (found == null || !Files.isRegularFile(found) || !Files.isExecutable(found)) {
			throw new IllegalArgumentException(
					variable + " names " + program + ", which is not an executable file on this machine");
		}
		return found;
	}

	/** A bare program name, such as {@code ffmpeg}, found as the shell would find it. */
	private static @Nullable Path onSearchPath(Path name) {
		String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * The JavaCPP calls, in their own class so that MediaTools loads where the bundle is
	 * absent (the api-service, or a configured system ffmpeg).
	 */
	private static final class Bundled {

		static Path ffmpeg() {
			try {
				return unpacked(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "ffmpeg");
			}
			catch (LinkageError ex) {
				throw unavailable("ffmpeg", ex);
			}
		}

		static Path ffprobe() {
			try {
				return unpacked(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "ffprobe");
			}
			catch (LinkageError ex) {
				throw unavailable("ffprobe", ex);
			}
		}

		private static Path unpacked(@Nullable String path, String program) {
			if (path == null) {
				throw unavailable(program, null);
			}
			return Path.of(path);
		}

		private static IllegalStateException unavailable(String program, @Nullable Throwable cause) {
			String variable = program.equals("ffmpeg") ? "VIDEO_FFMPEG" : "VIDEO_FFPROBE";
			return new IllegalStateException("The bundled " + program
					+ " (org.bytedeco:ffmpeg:linux-x86_64-gpl) is not available on this platform or class path; set "
					+ variable + " to an installed " + program, cause);
		}

	}

}
