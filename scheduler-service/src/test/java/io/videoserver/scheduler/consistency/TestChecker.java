package io.videoserver.scheduler.consistency;

import java.nio.file.Path;
import java.time.Duration;

import io.videoserver.shared.consistency.ConsistencyChecker;
import io.videoserver.shared.store.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consistency checker as the scheduler builds it, for fault tests in other packages
 * that end by expecting zero findings.
 */
public final class TestChecker {

	private TestChecker() {
	}

	/** A checker of a video directory, everything counted at once (no grace). */
	public static ConsistencyChecker forDirectory(JdbcClient jdbc, Path dir) {
		return ConsistencyChecker.ofDirectory(jdbc, dir, Duration.ZERO, Duration.ofHours(24));
	}

	/** A checker of a bucket, everything older than a second counted. */
	public static ConsistencyChecker forBucket(JdbcClient jdbc, S3Client s3, String bucket) {
		return ConsistencyChecker.ofBucket(jdbc, s3, new S3Settings("", "", bucket, "", true, "", ""), null,
				Duration.ofSeconds(1), Duration.ofHours(24));
	}

}
