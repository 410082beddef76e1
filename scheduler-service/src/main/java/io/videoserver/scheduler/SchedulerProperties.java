package io.videoserver.scheduler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.videoserver.shared.store.StoreKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * (objects in the bucket of {@link io.videoserver.shared.store.S3Settings}); anything
 * else stops the start
 * @param internalToken the queue endpoint's shared secret; a blank one refuses every call
 * @param scheduler how the deletion runner claims and works the queue
 */
@Validated
@ConfigurationProperties("video")
public record SchedulerProperties(@DefaultValue("./data/videos") Path dir, @DefaultValue("local") StoreKind store,
		@DefaultValue("") String internalToken, @Valid @DefaultValue Scheduler scheduler) {

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
