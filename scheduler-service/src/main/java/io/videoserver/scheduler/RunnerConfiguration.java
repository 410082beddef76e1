package io.videoserver.scheduler;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.scheduler.dispatch.Deletion;
import io.videoserver.scheduler.dispatch.DeletionQueue;
import io.videoserver.scheduler.dispatch.Dispatcher;
import io.videoserver.scheduler.dispatch.QueueGauges;
import io.videoserver.scheduler.execution.Deleter;
import io.videoserver.scheduler.execution.DeletionExecutor;
import io.videoserver.scheduler.execution.LocalVideoRemover;
import io.videoserver.scheduler.execution.RetryPolicy;
import io.videoserver.scheduler.execution.S3VideoRemover;
import io.videoserver.scheduler.execution.VideoRemover;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.StoreKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Assembles one replica's runner: queue, dispatcher, channel, executor; the same assembly
 * serves the application and the tests that race several replicas against one database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Settings.class)
public class RunnerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RunnerConfiguration.class);

	@Bean
	VideoRemover videoRemover(SchedulerProperties properties, S3Settings bucket) {
		if (properties.store() == StoreKind.S3) {
			return S3VideoRemover.of(bucket, properties.scheduler().concurrency());
		}
		return new LocalVideoRemover(properties.dir());
	}

	@Bean
	DeletionQueue deletionQueue(JdbcClient jdbc, SchedulerProperties properties) {
		return new DeletionQueue(jdbc, properties.scheduler().replicaId());
	}

	@Bean
	QueueGauges queueGauges(DeletionQueue queue, SchedulerProperties properties, MeterRegistry meters) {
		return new QueueGauges(queue, properties.scheduler().interval(), meters);
	}

	@Bean
	Runner runner(DeletionQueue queue, VideoRemover remover, PlatformTransactionManager transactions,
			SchedulerProperties properties, MeterRegistry meters) {
		log.info("Scheduler replica {} deletes videos in {}", queue.owner(), properties.dir().toAbsolutePath());
		return assemble(queue, remover, transactions, properties.scheduler(), meters);
	}

	/**
	 * Builds a runner, not yet started.
	 * @param queue the replica's view of the queue (its id is the lease owner)
	 * @param remover deletes the videos from where they live
	 * @param transactions the transaction manager of the queue's data source
	 * @param settings the runner's settings
	 * @param meters where the runner's metrics go
	 * @return the runner
	 */
	public static Runner assemble(DeletionQueue queue, VideoRemover remover, PlatformTransactionManager transactions,
			SchedulerProperties.Scheduler settings, MeterRegistry meters) {
		BlockingQueue<Deletion> channel = new ArrayBlockingQueue<>(2 * settings.concurrency());
		Dispatcher dispatcher = new Dispatcher(queue, transactions, channel, settings.batchSize(), settings.lease());
		RetryPolicy retries = new RetryPolicy(settings.maxAttempts(), settings.backoffBase(), settings.backoffMax());
		Deleter deleter = new Deleter(remover, queue, retries, meters);
		DeletionExecutor executor = new DeletionExecutor(channel, deleter, queue, settings.concurrency());
		return new Runner(dispatcher, executor, remover, settings.interval(), settings.shutdownTimeout(), meters);
	}

}
