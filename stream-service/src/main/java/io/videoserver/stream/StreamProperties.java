package io.videoserver.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.store.StoreKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The stream-service's settings in one typed place, bound from {@code video.*} (see
 * {@code application.yml} for the environment variables of API.md).
 *
 * @param dir the directory that holds the video files and the uploads in progress
 * @param upload upload limits
 * @param stream the connection limiter
 * @param rateLimit the per-client token bucket
 * @param cors the origins of the web UI
 * @param store where the video files are kept
 * @param s3 how uploads reach the bucket and playback leaves it, with {@code store: s3}
 * @param poster the bounds of an upload's poster decode
 * @param media the ffprobe (and ffmpeg) that read uploads browsers cannot play as they
 * are ({@code VIDEO_FFPROBE}, {@code VIDEO_FFMPEG}; unset: the bundled programs)
 * @param view how playback starts are counted as views
 */
@Validated
@ConfigurationProperties("video")
public record StreamProperties(@DefaultValue("./data/videos") Path dir, @Valid @DefaultValue Upload upload,
		@Valid @DefaultValue Stream stream, @Valid @DefaultValue RateLimit rateLimit, @Valid @DefaultValue Cors cors,
		@DefaultValue("local") StoreKind store, @Valid @DefaultValue S3 s3, @Valid @DefaultValue Poster poster,
		@DefaultValue MediaSettings media, @Valid @DefaultValue View view) {

	/**
	 * The stream-service's own settings under {@code video.s3}, beside those of the
	 * bucket ({@link io.videoserver.shared.store.S3Settings}), which both services read.
	 *
	 * @param stagingDir the local directory where uploads are received and checked before
	 * they are sent to the bucket; empty for {@code dir}
	 * @param partSize uploads larger than this go as a multipart upload of parts this
	 * size (S3 requires 5 MB at least)
	 * @param redirect answer playback with a redirect to a presigned address of the
	 * object, so the bytes bypass this service
	 * @param redirectTtl how long such an address stays valid
	 */
	public record S3(@DefaultValue("") String stagingDir, @DefaultValue("16MB") DataSize partSize,
			@DefaultValue("false") boolean redirect, @DefaultValue("5m") Duration redirectTtl) {
	}

	/**
	 * @param maxSize the largest accepted video file
	 * @param userQuota the storage a user's videos may take together, unless the user's
	 * {@code users.quota_bytes} says otherwise
	 * @param staleAfter how long an unmodified {@code .part} file without an owner in its
	 * name (an earlier version's) must sit before start-up cleanup treats it as
	 * abandoned; the files of a process that died go at once
	 * @param expireAfter how long a resumable (tus) upload may sit without receiving a
	 * byte before it expires and its partial file is removed
	 * @param leaseTtl how long a running upload's hold in the database (the writer's
	 * lease on a resumable upload, the space reserved for an upload) outlives the last
	 * renewal: the holder renews it every third of this time, so it is what a crashed
	 * replica's hold lasts at most
	 * @param sweepInterval how often a replica removes expired resumable uploads and the
	 * lapsed holds that uploads stopped by a crash or an outage could not give back
	 */
	public record Upload(@DefaultValue("1GB") DataSize maxSize, @DefaultValue("15m") Duration staleAfter,
			@DefaultValue("10GB") DataSize userQuota, @DefaultValue("24h") Duration expireAfter,
			@DefaultValue("30s") Duration leaseTtl, @DefaultValue("5m") Duration sweepInterval) {
	}

	/**
	 * @param timeout how long an upload waits for its poster (queued and decoding) before
	 * it is stored without one
	 * @param threads how many posters are decoded at once
	 * @param queue how many more may wait for a thread; beyond it an upload gets none
	 * @param maxPixels the largest picture decoded, coded and cropped (a decode holds a
	 * few such pictures in memory)
	 */
	public record Poster(@DefaultValue("10s") Duration timeout, @Min(1) @DefaultValue("1") int threads,
			@Min(1) @DefaultValue("4") int queue, @Min(1) @DefaultValue("9437184") long maxPixels) {
	}

	/**
	 * @param maxConnections how many streams and uploads may run at once
	 * @param sendfile hand single-range bodies to Tomcat's sendfile (zero copy, but sent
	 * after the request thread and its limiter permit are released)
	 */
	public record Stream(@Min(1) @DefaultValue("200") int maxConnections, @DefaultValue("false") boolean sendfile) {
	}

	/**
	 * @param requestsPerSecond the sustained rate per client; {@code 0} turns it off
	 * @param burst how many requests a client may make at once above the rate
	 */
	public record RateLimit(@Min(0) @DefaultValue("50") int requestsPerSecond, @Min(1) @DefaultValue("200") int burst) {

		public boolean enabled() {
			return this.requestsPerSecond > 0;
		}

	}

	/**
	 * @param window a viewer counts once per video in each window of this length (windows
	 * are aligned to the epoch, so every replica agrees on them)
	 * @param flushInterval how often the views counted in memory are written to the
	 * database
	 * @param buffer how many distinct views may wait in memory for the next write; beyond
	 * it a view is dropped (and counted as dropped) rather than slow playback
	 * @param salt mixed into every viewer's hash, the same on every replica; empty for
	 * none (the hash still never holds an address in clear)
	 */
	public record View(@DurationMin(minutes = 1) @DefaultValue("6h") Duration window,
			@DurationMin(millis = 100) @DefaultValue("5s") Duration flushInterval,
			@Min(1) @DefaultValue("100000") int buffer, @DefaultValue("") String salt) {
	}

	/**
	 * @param allowedOrigins the origins (the web UI's) that may call this from a browser
	 */
	public record Cors(@NotEmpty @DefaultValue( {
			"http://localhost:8000", "http://127.0.0.1:8000" }) List<String> allowedOrigins){
	}

}
