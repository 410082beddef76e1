package io.videoserver.scheduler.consistency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consistency check's settings, bound from {@code video.consistency.*}.
 *
 * @param grace how old a file, ladder or expired row must be before it counts: younger
 * ones may belong to work still in flight (an upload between publishing and recording, a
 * transcoder between publishing a ladder and recording it)
 * @param uploadExpireAfter how long a resumable upload may rest before the stream-service
 * expires it ({@code VIDEO_UPLOAD_EXPIRE_AFTER}); its files count as stale after that
 * plus the grace
 */
@ConfigurationProperties("video.consistency")
public record ConsistencyProperties(@DefaultValue("1h") Duration grace,
		@DefaultValue("24h") Duration uploadExpireAfter) {

	public ConsistencyProperties {
		if (grace.isNegative() || uploadExpireAfter.isNegative()) {
			throw new IllegalArgumentException("video.consistency durations must not be negative");
		}
	}

}
