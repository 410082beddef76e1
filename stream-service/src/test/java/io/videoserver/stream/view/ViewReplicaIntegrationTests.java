package io.videoserver.stream.view;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.StreamIntegrationTest;
import io.videoserver.stream.StreamProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters as separate replicas would run them, each on a connection pool of its own, on
 * the one database: the same viewer counts once whichever replica saw it, concurrent
 * writes of overlapping batches neither deadlock nor double count, a clean stop writes
 * what was pending, and old windows are purged.
 */
class ViewReplicaIntegrationTests extends StreamIntegrationTest {

	private static final StreamProperties.View SETTINGS = new StreamProperties.View(Duration.ofHours(6),
			Duration.ofHours(1), 100_000, "test-salt");

	@Autowired
	private JdbcConnectionDetails database;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@AfterEach
	void closePools() {
		this.pools.forEach(HikariDataSource::close);
	}

	@Test
	void sameViewerOnTwoReplicasCountsOnce() throws Exception {
		ViewCounter first = replica(Clock.systemUTC());
		ViewCounter second = replica(Clock.systemUTC());
		VideoId vid = video();
		Viewer viewer = Viewer.client("test-salt", "203.0.113.7", "Firefox");
		first.count(vid, viewer);
		second.count(vid, viewer);
		flushTogether(first, second);
		assertThat(views(vid)).isEqualTo(1);
	}

	@Test
	void overlappingBatchesWrittenAtOnceCountEachViewerOnce() throws Exception {
		ViewCounter first = replica(Clock.systemUTC());
		ViewCounter second = replica(Clock.systemUTC());
		List<VideoId> videos = new ArrayList<>();
		for (int v = 0; v < 8; v++) {
			videos.add(video());
		}
		Set<String> expected = new HashSet<>();
		for (int i = 0; i < 1200; i++) {
			Viewer viewer = Viewer.user("test-salt", "user" + (i % 150));
			int a = i % videos.size();
			int b = videos.size() - 1 - a;
			first.count(videos.get(a), viewer);
			second.count(videos.get(b), viewer);
			expected.add(a + "/" + (i % 150));
			expected.add(b + "/" + (i % 150));
		}
		flushTogether(first, second);
		long total = 0;
		for (VideoId vid : videos) {
			assertThat(views(vid)).isEqualTo(rows(vid));
			total += views(vid);
		}
		long distinct = this.jdbc.sql("SELECT COUNT(*) FROM video_view WHERE video_id IN (:ids)")
			.param("ids", videos.stream().map(VideoId::value).toList())
			.query(Long.class)
			.single();
		assertThat(total).isEqualTo(distinct).isEqualTo(expected.size());
	}

	@Test
	void cleanStopWritesWhatWasPending() throws Exception {
		ViewCounter counter = replica(Clock.systemUTC());
		counter.start();
		VideoId vid = video();
		for (int i = 0; i < 3; i++) {
			counter.count(vid, Viewer.client("", "198.51.100." + i, "Safari"));
		}
		assertThat(views(vid)).as("nothing written before the interval").isZero();
		counter.stop();
		assertThat(counter.isRunning()).isFalse();
		assertThat(counter.pending()).isZero();
		assertThat(views(vid)).isEqualTo(3);
	}

	@Test
	void viewsOfAVideoDeletedMeanwhileAreSkipped() throws Exception {
		ViewCounter counter = replica(Clock.systemUTC());
		VideoId kept = video();
		VideoId deleted = video();
		counter.count(kept, Viewer.user("", "a"));
		counter.count(deleted, Viewer.user("", "a"));
		this.jdbc.sql("DELETE FROM video_info WHERE id = :vid").param("vid", deleted.value()).update();
		assertThat(counter.flush()).isEqualTo(1);
		assertThat(views(kept)).isEqualTo(1);
		assertThat(counter.pending()).isZero();
	}

	@Test
	void aFailedWriteKeepsItsViewsForTheNextOne() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		DataSource failing = new DelegatingDataSource(pool()) {

			@Override
			public Connection getConnection() throws SQLException {
				if (down.get()) {
					throw new SQLTransientConnectionException("database away");
				}
				return super.getConnection();
			}

		};
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ViewCounter counter = ViewConfiguration.assemble(failing, SETTINGS, meters, Clock.systemUTC());
		VideoId vid = video();
		counter.count(vid, Viewer.user("", "a"));
		assertThat(counter.flush()).isZero();
		assertThat(counter.pending()).isEqualTo(1);
		assertThat(meters.counter("video.views.dropped").count()).isZero();
		down.set(false);
		assertThat(counter.flush()).isEqualTo(1);
		assertThat(views(vid)).isEqualTo(1);
		assertThat(meters.counter("video.views.counted").count()).isEqualTo(1);
		assertThat(meters.counter("video.views.batches").count()).isEqualTo(1);
	}

	@Test
	void purgeDeletesWindowsOlderThanADayBeforeTheCurrentOne() throws Exception {
		Instant now = Instant.parse("2020-06-15T13:00:00Z");
		VideoId vid = video();
		ViewCounter old = replica(Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC));
		ViewCounter recent = replica(Clock.fixed(now.minus(Duration.ofHours(12)), ZoneOffset.UTC));
		ViewCounter current = replica(Clock.fixed(now, ZoneOffset.UTC));
		old.count(vid, Viewer.user("", "a"));
		old.flush();
		recent.count(vid, Viewer.user("", "a"));
		recent.flush();
		current.count(vid, Viewer.user("", "a"));
		current.flush();
		assertThat(rows(vid)).isEqualTo(3);
		current.purge();
		List<LocalDateTime> left = this.jdbc
			.sql("SELECT window_start FROM video_view WHERE video_id = :vid ORDER BY window_start")
			.param("vid", vid.value())
			.query(LocalDateTime.class)
			.list();
		assertThat(left).containsExactly(LocalDateTime.parse("2020-06-15T00:00:00"),
				LocalDateTime.parse("2020-06-15T12:00:00"));
		assertThat(views(vid)).as("a purge never lowers the count").isEqualTo(3);
	}

	private static void flushTogether(ViewCounter first, ViewCounter second) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> awaitThenFlush(barrier, first));
		CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> awaitThenFlush(barrier, second));
		a.get();
		b.get();
		assertThat(first.pending()).isZero();
		assertThat(second.pending()).isZero();
	}

	private static int awaitThenFlush(CyclicBarrier barrier, ViewCounter counter) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return counter.flush();
	}

	private ViewCounter replica(Clock clock) {
		return ViewConfiguration.assemble(pool(), SETTINGS, new SimpleMeterRegistry(), clock);
	}

	private HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.database.getJdbcUrl());
		pool.setUsername(this.database.getUsername());
		pool.setPassword(this.database.getPassword());
		pool.setMaximumPoolSize(2);
		pool.setConnectionInitSql("SET time_zone = '+00:00', innodb_lock_wait_timeout = 3");
		this.pools.add(pool);
		return pool;
	}

	private VideoId video() {
		return new VideoId(seedOwner("replica").vid());
	}

	private long views(VideoId vid) {
		return this.jdbc.sql("SELECT view_count FROM video_info WHERE id = :vid")
			.param("vid", vid.value())
			.query(Long.class)
			.single();
	}

	private long rows(VideoId vid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_view WHERE video_id = :vid")
			.param("vid", vid.value())
			.query(Long.class)
			.single();
	}

}
