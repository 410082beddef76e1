package io.videoserver.shared.consistency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.videoserver.shared.StagingLayout;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.consistency.Finding.Kind;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.testdb.TestDatabaseServer;
import io.videoserver.shared.tests3.TestS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The check of a bucket on the test S3 server: an incomplete multipart upload is a
 * partial upload like a staged file, and the stream-service's staging directory, when the
 * check is given one, is searched for partial uploads only.
 */
class BucketConsistencyCheckerTests {

	private static final Instant OLD = Instant.now().minus(Duration.ofDays(3));

	@TempDir
	Path staging;

	private final TestS3 s3 = TestS3.get();

	private final S3Settings bucket = new S3Settings("", TestS3.REGION, this.s3.createBucket(), "videos/", true, "",
			"");

	private final S3Client client = this.s3.client();

	private JdbcClient jdbc;

	@BeforeEach
	void createDatabase() {
		this.jdbc = JdbcClient.create(TestDatabaseServer.shared().createMigratedDatabase().dataSource());
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void anIncompleteMultipartUploadOlderThanTheGraceIsAStalePartialUpload() throws IOException {
		String vid = VideoIds.newId();
		String uploadId = this.client
			.createMultipartUpload((request) -> request.bucket(this.bucket.bucket()).key("videos/" + vid))
			.uploadId();
		this.client.uploadPart(
				(request) -> request.bucket(this.bucket.bucket()).key("videos/" + vid).uploadId(uploadId).partNumber(1),
				RequestBody.fromString("x", StandardCharsets.US_ASCII));

		assertThat(checker(null, Duration.ofHours(1)).check().findings()).as("an upload still in flight").isEmpty();
		assertThat(checker(null, Duration.ZERO).check().findings()).extracting(Finding::kind, Finding::subject)
			.containsExactly(tuple(Kind.STALE_PARTIAL_UPLOAD, vid + "?uploadId=" + uploadId));
	}

	@Test
	void theStagingDirectoryIsSearchedForPartialUploadsOnly() throws IOException {
		String part = StagingLayout.partName(VideoIds.newId(), StagingLayout.randomId());
		file(part, OLD);
		String recent = StagingLayout.partName(VideoIds.newId(), StagingLayout.randomId());
		file(recent, Instant.now());
		Files.createDirectories(this.staging.resolve(".tus"));
		String tus = ".tus/" + StagingLayout.randomId() + ".bin";
		file(tus, OLD);
		file(".tus/" + StagingLayout.randomId() + ".bin", Instant.now());
		Files.createDirectories(this.staging.resolve(".owners"));
		file(".owners/" + StagingLayout.randomId() + ".lock", OLD);
		// the video directory's other files, on a site that stages there: not the
		// bucket's
		file(VideoIds.newId(), OLD);
		file("notes.txt", OLD);

		ConsistencyReport report = checker(this.staging, Duration.ofHours(1)).check();

		assertThat(report.findings()).extracting(Finding::kind, Finding::subject)
			.containsExactlyInAnyOrder(tuple(Kind.STALE_PARTIAL_UPLOAD, part), tuple(Kind.STALE_PARTIAL_UPLOAD, tus));
		assertThat(report.findings())
			.allSatisfy((finding) -> assertThat(finding.detail()).contains("in the staging directory"));
		assertThat(checker(null, Duration.ofHours(1)).check().findings()).as("without the staging directory").isEmpty();
	}

	private ConsistencyChecker checker(@Nullable Path staging, Duration grace) {
		return ConsistencyChecker.ofBucket(this.jdbc, this.client, this.bucket, staging, grace, Duration.ofHours(24));
	}

	private void file(String name, Instant modified) throws IOException {
		Path file = Files.writeString(this.staging.resolve(name), "x");
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

}
