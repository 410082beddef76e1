package io.videoserver.scheduler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduler-service's settings, bound from {@code video.*} (see application.yml for
 * the environment variables of the public contract).
 *
 * @param dir the directory that holds the video files, shared by every replica
 * @param store where videos live: {@code local} (files in {@code dir}) or {@code s3}
 * (objects in the bucket of {@code s3}); anything else stops the start
 * @param internalToken the shared secret that the queue endpoint requires; when blank, it
 * refuses every call
 * @param scheduler how the deletion runner claims and works the queue
 * @param s3 the bucket, when {@code store} is {@code s3}
 */
@Validated
@ConfigurationProperties("video")
public record SchedulerProperties(@DefaultValue("./data/videos") Path dir,
		@DefaultValue("local") @Pattern(regexp = "local|s3", message = "VIDEO_STORE must be local or s3") String store,
		@DefaultValue("") String internalToken, @Valid @DefaultValue Scheduler scheduler, @Valid @DefaultValue S3 s3) {

	/** Whether the videos are objects in S3. */
	public boolean s3Store() {
		return "s3".equals(this.store);
	}

	/**
	 * The bucket that the stream-service stores videos in, read from the same variables.
	 *
	 * @param endpoint the S3 API's address; empty for AWS itself (from the region)
	 * @param region the signing region
	 * @param bucket the bucket that holds the videos
	 * @param prefix what every object key starts with
	 * @param pathStyle address the bucket as {@code endpoint/bucket}
	 * @param accessKey the access key; empty to use the AWS SDK's default chain
	 * @param secretKey the secret key that goes with {@code accessKey}
	 */
	public record S3(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("") String bucket, @DefaultValue("") String prefix, @DefaultValue("false") boolean pathStyle,
			@DefaultValue("") String accessKey, @DefaultValue("") String secretKey) {
	}

	/**
	 * The deletion runner's settings.
	 *
	 * @param interval the pause between rounds when the queue had no full batch
	 * @param batchSize the most rows one round claims
	 * @param concurrency the executor's worker threads (parallel file deletions)
	 * @param lease how long a claimed row belongs to this replica; must exceed the time
	 * one batch takes, after it another replica may take the row
	 * @param maxAttempts failed attempts after which a row is parked
	 * @param backoffBase the wait after the first failure, doubled after each further one
	 * @param backoffMax the longest wait between attempts
	 * @param shutdownTimeout how long shutdown waits for deletions already started
	 * @param replicaId the name this replica leases rows under; blank means host name
	 * plus a random suffix
	 */
	public record Scheduler(@DefaultValue("3s") Duration interval,
			@DefaultValue("100") @Min(1) @Max(10000) int batchSize,
			@DefaultValue("4") @Min(1) @Max(256) int concurrency, @DefaultValue("5m") Duration lease,
			@DefaultValue("10") @Min(1) int maxAttempts, @DefaultValue("10s") Duration backoffBase,
			@DefaultValue("1h") Duration backoffMax, @DefaultValue("20s") Duration shutdownTimeout,
			@DefaultValue("") @Size(max = 64) String replicaId) {

		public Scheduler {
			if (replicaId.isBlank()) {
				replicaId = hostName() + "-"
						+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
			}
		}

		private static String hostName() {
			String name = System.getenv("HOSTNAME");
			if (name == null || name.isBlank()) {
				try {
					name = InetAddress.getLocalHost().getHostName();
				}
				catch (UnknownHostException ex) {
					name = "scheduler";
				}
			}
			return (name.length() > 56) ? name.substring(0, 56) : name;
		}

	}

}
