package io.videoserver.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

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
 */
@Validated
@ConfigurationProperties("video")
public record StreamProperties(@DefaultValue("./data/videos") Path dir, @Valid @DefaultValue Upload upload,
		@Valid @DefaultValue Stream stream, @Valid @DefaultValue RateLimit rateLimit, @Valid @DefaultValue Cors cors) {

	/**
	 * @param maxSize the largest accepted video file
	 * @param staleAfter how long an unmodified {@code .part} file must sit before
	 * start-up cleanup treats it as abandoned (other replicas may still be writing
	 * younger ones)
	 * @param expireAfter how long a resumable (tus) upload may sit without receiving a
	 * byte before it expires and its partial file is removed
	 */
	public record Upload(@DefaultValue("1GB") DataSize maxSize, @DefaultValue("15m") Duration staleAfter,
			@DefaultValue("24h") Duration expireAfter) {
	}

	/**
	 * @param maxConnections how many streams and uploads may run at once
	 * @param sendfile hand single-range bodies to Tomcat's sendfile (zero copy, but sent
	 * after the request thread and its limiter permit are released)
	 */
	public record Stream(@Min(1) @DefaultValue("200") int maxConnections, @DefaultValue("false") boolean sendfile) {
	}

	/**
	 * @param requestsPerSecond the sustained rate per client, {@code 0} turns limiting
	 * off
	 * @param burst how many requests a client may make at once above the rate
	 */
	public record RateLimit(@Min(0) @DefaultValue("50") int requestsPerSecond, @Min(1) @DefaultValue("200") int burst) {

		public boolean enabled() {
			return this.requestsPerSecond > 0;
		}

	}

	/**
	 * @param allowedOrigins the origins (the web UI's) that may call this service from a
	 * browser
	 */
	public record Cors(@NotEmpty @DefaultValue( {
			"http://localhost:8000", "http://127.0.0.1:8000" }) List<String> allowedOrigins){
	}

}
