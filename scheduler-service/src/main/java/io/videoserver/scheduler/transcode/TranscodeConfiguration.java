package io.videoserver.scheduler.transcode;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.videoserver.scheduler.SchedulerProperties;
import io.videoserver.shared.media.MediaProbe;
import io.videoserver.shared.media.MediaSettings;
import io.videoserver.shared.media.MediaTools;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.StoreKind;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Assembles one replica's transcoder (queue, store, ffmpeg, workers), which starts unless
 * {@code video.transcode.enabled} is false: a runtime switch rather than a condition,
 * because the AOT-built bean definitions fix every condition at build time. The tests
 * that race transcoders assemble them the same way, with an encoder of their own where
 * the media does not matter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
public class TranscodeConfiguration {

	@Bean
	TranscodeStore transcodeStore(SchedulerProperties properties, TranscodeProperties transcode, S3Settings bucket) {
		if (properties.store() == StoreKind.S3) {
			return S3TranscodeStore.of(bucket, transcode.concurrency());
		}
		return new LocalTranscodeStore(properties.dir());
	}

	@Bean
	TranscodeQueue transcodeQueue(JdbcClient jdbc, PlatformTransactionManager transactions,
			SchedulerProperties properties) {
		return new TranscodeQueue(jdbc, transactions, properties.scheduler().replicaId());
	}

	@Bean
	TranscodeGauges transcodeGauges(TranscodeQueue queue, TranscodeProperties transcode, MeterRegistry meters) {
		return new TranscodeGauges(queue, transcode.interval(), meters);
	}

	@Bean
	TranscodeRunner transcodeRunner(TranscodeQueue queue, TranscodeStore store, JdbcClient jdbc,
			PlatformTransactionManager transactions, MediaSettings media, TranscodeProperties transcode,
			MeterRegistry meters) {
		MediaTools tools = MediaTools.of(media);
		return assemble(queue, store, jdbc, transactions, new MediaProbe(tools, media.probeTimeout())::probe,
				new FfmpegEncoder(tools, transcode.timeout()), transcode, meters, () -> {
					tools.ffmpeg();
					tools.ffprobe();
				});
	}

	/**
	 * Builds a transcoder, not yet started.
	 * @param queue the replica's view of the queue (its owner is the lease owner)
	 * @param store where sources are read and results published
	 * @param jdbc the queue's database, for the results
	 * @param transactions its transaction manager
	 * @param probe reads what a source and a made MP4 are
	 * @param encoder makes the ladder
	 * @param settings the transcoder's settings
	 * @param meters where its metrics go
	 * @param preflight throws when the encoder's programs cannot be run
	 * @return the runner
	 */
	static TranscodeRunner assemble(TranscodeQueue queue, TranscodeStore store, JdbcClient jdbc,
			PlatformTransactionManager transactions, Transcoder.Probe probe, Encoder encoder,
			TranscodeProperties settings, MeterRegistry meters, Runnable preflight) {
		ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("transcode-lease-"));
		ResultRecorder results = new ResultRecorder(jdbc, queue, transactions);
		Transcoder transcoder = new Transcoder(queue, store, probe, encoder, results, settings, timer);
		return new TranscodeRunner(queue, store, transcoder, settings, timer, meters, preflight);
	}

}
