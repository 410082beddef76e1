package io.videoserver.shared.media;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ffmpeg and ffprobe the services run, bound from {@code video.media.*} by each
 * service that uses them ({@code VIDEO_FFMPEG}, {@code VIDEO_FFPROBE}, mapped in its
 * application.yml).
 * <p>
 * Unset (or empty), a program is the one bundled in
 * {@code org.bytedeco:ffmpeg:linux-x86_64-gpl}, which JavaCPP unpacks on first use into
 * {@code ~/.javacpp/cache}, or {@code java.io.tmpdir/.javacpp-<user>/cache} when the home
 * is not writable (a container's user without one). A container with neither writable (a
 * read-only root file system) names an executable directory, such as an emptyDir volume,
 * with {@code -Dorg.bytedeco.javacpp.cachedir=/that/dir} in {@code JAVA_OPTS}.
 *
 * @param ffmpeg the ffmpeg program to run instead of the bundled one
 * @param ffprobe the ffprobe program to run instead of the bundled one
 * @param probeTimeout how long ffprobe may take to read a file before it is stopped
 */
@ConfigurationProperties("video.media")
public record MediaSettings(@Nullable Path ffmpeg, @Nullable Path ffprobe, @DefaultValue("30s") Duration probeTimeout) {

	/** The bundled programs and the default probe timeout. */
	public static MediaSettings bundled() {
		return new MediaSettings(null, null, Duration.ofSeconds(30));
	}

}
