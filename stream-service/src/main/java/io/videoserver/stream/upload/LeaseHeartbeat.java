package io.videoserver.stream.upload;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.videoserver.stream.StreamProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the database holds of this process's running uploads alive (a writer's lease, a
 * reservation of space) by renewing each one every third of its time to live, also while
 * no byte arrives (a publication to S3); a crashed process stops renewing, so its holds
 * expire after at most {@link #ttl()}.
 */
@Component
public class LeaseHeartbeat implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

	private final Duration ttl;

	private final Set<Runnable> renewals = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "upload-lease-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	LeaseHeartbeat(StreamProperties properties) {
		this.ttl = properties.upload().leaseTtl();
		long period = Math.max(1, this.ttl.toMillis() / 3);
		this.timer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
	}

	/** How long a hold lasts after its last renewal. */
	public Duration ttl() {
		return this.ttl;
	}

	/**
	 * The time to live in microseconds, as SQL's {@code INTERVAL … MICROSECOND} takes it.
	 */
	public long ttlMicros() {
		return this.ttl.toNanos() / 1000;
	}

	/**
	 * Renews a hold until the returned registration is closed.
	 * @param renewal extends the hold by {@link #ttl()} from now
	 */
	public Registration keep(Runnable renewal) {
		this.renewals.add(renewal);
		return () -> this.renewals.remove(renewal);
	}

	private void renewAll() {
		for (Runnable renewal : this.renewals) {
			try {
				renewal.run();
			}
			catch (RuntimeException ex) {
				log.warn("Renewing an upload's hold failed; it lapses unless a later renewal succeeds", ex);
			}
		}
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

	/** Ends the renewal of one hold. */
	public interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
