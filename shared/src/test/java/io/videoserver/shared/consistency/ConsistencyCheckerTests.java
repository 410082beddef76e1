package io.videoserver.shared.consistency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.videoserver.shared.StagingLayout;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.consistency.Finding.Kind;
import io.videoserver.shared.store.PublishLock;
import io.videoserver.shared.testdb.TestDatabaseServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The check on a real database and a local video directory: each kind of inconsistency is
 * found, a consistent site and work still in flight are not.
 */
class ConsistencyCheckerTests {

	private static final Instant OLD = Instant.now().minus(Duration.ofDays(3));

	@TempDir
	Path dir;

	private JdbcClient jdbc;

	private ConsistencyChecker checker;

	@BeforeEach
	void createDatabase() {
		this.jdbc = JdbcClient.create(TestDatabaseServer.shared().createMigratedDatabase().dataSource());
		this.checker = ConsistencyChecker.ofDirectory(this.jdbc, this.dir, Duration.ofHours(1), Duration.ofHours(24));
	}

	@Test
	void aConsistentSiteHasNoFindings() throws IOException {
		String playable = video(1000L);
		file(playable, OLD);
		ladder(playable, "v1", OLD);
		transcode(playable, "video", "ready", "v1", false);
		String processing = video(2000L);
		file(processing + ".source", OLD);
		transcode(processing, "upload", "running", null, false);
		String notUploaded = video(null);
		String deleting = VideoIds.newId();
		file(deleting, OLD);
		this.jdbc.sql("INSERT INTO video_del_rec (video_id) VALUES (:id)").param("id", deleting).update();
		// the stream-service's process locks (StagingOwner), a killed one's included
		Files.createDirectories(this.dir.resolve(".owners"));
		file(".owners/0123456789abcdef0123456789abcdef.lock", OLD);
		Files.setLastModifiedTime(this.dir.resolve(".owners"), FileTime.from(OLD));
		// the lock every process publishing into the directory takes (PublishLock)
		file(PublishLock.NAME, OLD);

		ConsistencyReport report = this.checker.check();

		assertThat(report.findings()).isEmpty();
		assertThat(report.consistent()).isTrue();
		assertThat(report.videos()).isEqualTo(3);
		assertThat(report.stored()).isEqualTo(4);
		assertThat(notUploaded).isNotNull();
	}

	@Test
	void eachKindOfDisorderIsFound() throws IOException {
		String missing = video(1000L);
		String orphan = VideoIds.newId();
		file(orphan, OLD);
		String unrecorded = video(null);
		file(unrecorded, OLD);
		String stale = video(1000L);
		file(stale, OLD);
		ladder(stale, "v1", OLD);
		ladder(stale, "v2", OLD);
		transcode(stale, "video", "ready", "v2", false);
		String leftover = video(1000L);
		file(leftover, OLD);
		file(leftover + ".source", OLD);
		transcode(leftover, "upload", "ready", null, false);
		String part = StagingLayout.partName(video(null), StagingLayout.randomId());
		file(part, OLD);
		Files.createDirectories(this.dir.resolve(".tus"));
		file(".tus/" + StagingLayout.randomId() + ".bin", OLD);
		file("notes.txt", OLD);
		String parked = video(1000L);
		file(parked, OLD);
		transcode(parked, "video", "failed", null, true);
		String parkedDeletion = VideoIds.newId();
		this.jdbc
			.sql("INSERT INTO video_del_rec (video_id, parked, attempts, last_error) VALUES (:id, TRUE, 10, 'denied')")
			.param("id", parkedDeletion)
			.update();
		this.jdbc.sql("""
				INSERT INTO upload_reservation (id, user_id, video_id, bytes, expires_at)
				VALUES ('r1', 1, :vid, 5, NOW(3) - INTERVAL 2 HOUR)""").param("vid", missing).update();
		this.jdbc.sql(
				"INSERT INTO upload_lease (upload_id, holder, expires_at) VALUES ('u1', 'h1', NOW(3) - INTERVAL 2 HOUR)")
			.update();

		List<Finding> findings = this.checker.check().findings();

		assertThat(findings).extracting(Finding::kind, Finding::subject)
			.containsExactlyInAnyOrder(tuple(Kind.ROW_WITHOUT_FILE, missing), tuple(Kind.FILE_WITHOUT_ROW, orphan),
					tuple(Kind.UNRECORDED_FILE, unrecorded), tuple(Kind.STALE_LADDER, stale + ".hls/v1"),
					tuple(Kind.LEFTOVER_SOURCE, leftover + ".source"), tuple(Kind.STALE_PARTIAL_UPLOAD, part),
					tuple(Kind.STALE_PARTIAL_UPLOAD,
							findings.stream()
								.map(Finding::subject)
								.filter((subject) -> subject.startsWith(".tus/"))
								.findFirst()
								.orElse(".tus/?")),
					tuple(Kind.UNKNOWN_FILE, "notes.txt"), tuple(Kind.PARKED_TRANSCODE, parked),
					tuple(Kind.PARKED_DELETION, parkedDeletion), tuple(Kind.STUCK_RESERVATION, "r1"),
					tuple(Kind.STUCK_UPLOAD_LEASE, "u1"));
	}

	@Test
	void workInFlightIsNoFinding() throws IOException {
		Instant now = Instant.now();
		String publishing = video(null);
		file(publishing, now);
		String transcoding = video(1000L);
		file(transcoding, OLD);
		ladder(transcoding, "v1", OLD);
		ladder(transcoding, "v2", now);
		transcode(transcoding, "video", "running", "v1", false);
		file(StagingLayout.partName(publishing, StagingLayout.randomId()), now);
		Files.createDirectories(this.dir.resolve(".tus"));
		file(".tus/" + StagingLayout.randomId() + ".bin", now.minus(Duration.ofHours(20)));
		this.jdbc.sql("""
				INSERT INTO upload_reservation (id, user_id, video_id, bytes, expires_at)
				VALUES ('r2', 1, :vid, 5, NOW(3) - INTERVAL 1 MINUTE)""").param("vid", publishing).update();

		assertThat(this.checker.check().findings()).isEmpty();
	}

	private String video(Long fileSize) {
		String id = VideoIds.newId();
		this.jdbc.sql("INSERT INTO video_info (id, author_id, name, file_size) VALUES (:id, 1, 'v', :size)")
			.param("id", id)
			.param("size", fileSize)
			.update();
		return id;
	}

	private void transcode(String vid, String source, String state, String hlsVersion, boolean parked) {
		this.jdbc.sql("""
				INSERT INTO video_transcode (video_id, source, state, hls_version, parked, attempts, last_error)
				VALUES (:id, :source, :state, :version, :parked, :attempts, :error)""")
			.param("id", vid)
			.param("source", source)
			.param("state", state)
			.param("version", hlsVersion)
			.param("parked", parked)
			.param("attempts", parked ? 5 : 0)
			.param("error", parked ? "ffmpeg: Invalid data found when processing input" : null)
			.update();
	}

	private void ladder(String vid, String version, Instant modified) throws IOException {
		Path ladder = Files.createDirectories(this.dir.resolve(vid + ".hls").resolve(version));
		file(this.dir.relativize(ladder.resolve("master.m3u8")).toString(), modified);
		Files.setLastModifiedTime(ladder, FileTime.from(modified));
		Files.setLastModifiedTime(ladder.getParent(), FileTime.from(modified));
	}

	private void file(String name, Instant modified) throws IOException {
		Path file = Files.writeString(this.dir.resolve(name), "x");
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

}
