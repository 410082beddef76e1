package io.videoserver.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a health result may be reused ({@code video.health.*}, read by every service).
 *
 * @param dbCacheTtl how long the database check's result answers probes before the
 * database is asked again; zero asks on every probe
 */
@ConfigurationProperties("video.health")
record HealthCacheProperties(@DefaultValue("5s") Duration dbCacheTtl) {
}
