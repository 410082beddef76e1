package io.videoserver.scheduler.transcode;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transcoder's settings, bound from {@code video.transcode.*} (the environment
 * variables are mapped in application.yml); which ffmpeg it runs is
 * {@link io.videoserver.shared.media.MediaSettings} ({@code video.media.*}).
 *
 * @param enabled whether this replica transcodes at all
 * @param concurrency jobs this replica runs at once (each is one ffmpeg, itself
 * multi-threaded)
 * @param interval the pause before the next claim when nothing was due
 * @param lease how long a claimed row is this replica's without a renewal; the job renews
 * it with its progress and a third of it at the latest, so a killed transcoder's job is
 * taken over this long after it died
 * @param maxAttempts failed attempts after which a row is parked (state failed)
 * @param backoffBase the wait after the first failure, doubled after each further one
 * @param backoffMax the longest wait between attempts
 * @param timeout the longest one ffmpeg run may take before it is stopped (a failure)
 * @param progressInterval the least time between two progress writes of one job
 * @param workDir where jobs download sources and ffmpeg writes, one directory per job,
 * emptied after it
 */
@Validated
@ConfigurationProperties("video.transcode")
public record TranscodeProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("1") @Min(1) @Max(64) int concurrency, @DefaultValue("5s") Duration interval,
		@DefaultValue("2m") Duration lease, @DefaultValue("5") @Min(1) int maxAttempts,
		@DefaultValue("1m") Duration backoffBase, @DefaultValue("1h") Duration backoffMax,
		@DefaultValue("2h") Duration timeout, @DefaultValue("2s") Duration progressInterval,
		@DefaultValue("./data/transcode") Path workDir) {

	/** A lease shorter than a second would lapse between two renewals under load. */
	@AssertTrue(message = "video.transcode.lease must be at least 1s")
	public boolean isLeaseLongEnough() {
		return this.lease.compareTo(Duration.ofSeconds(1)) >= 0;
	}

	@AssertTrue(message = "video.transcode.interval, timeout and backoff-base must be positive")
	public boolean isPositive() {
		return !this.interval.isNegative() && !this.interval.isZero() && !this.timeout.isNegative()
				&& !this.timeout.isZero() && !this.backoffBase.isNegative();
	}

}
