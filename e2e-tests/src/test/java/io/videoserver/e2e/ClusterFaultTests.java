package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.videoserver.launcher.ServiceProcess;
import io.videoserver.shared.testdb.StoppableDatabase;
import io.videoserver.shared.testdb.TestDatabaseHandle;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 19's database and crash faults under the multi-replica site ({@link Cluster}: two
 * replicas of each service on one database and one video directory, behind the front), on
 * a database of the test's own ({@link StoppableDatabase}) that it freezes (SIGSTOP) and
 * restarts: the database hangs under the stream-service and the scheduler-service; it
 * restarts while uploads and deletions are inside their transactions; a stream replica
 * and a scheduler replica are killed (SIGKILL) in the middle of their work. Each scenario
 * prints its figures (longest answer during the fault, time to recover) and ends with the
 * scheduler's consistency check ({@code GET /actuator/consistency}) finding nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTests {

	static final int CHUNK = TusClient.CHUNK;

	/** The driver's socket timeout in these tests (production: 4 s). */
	private static final Duration DB_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * The socket timeout, the pool's 3 s wait for a connection, and room for 2 busy
	 * vCPUs.
	 */
	private static final Duration BOUND = Duration.ofSeconds(9);

	/** How long a scheduler's deletion lease lasts here: it lapses during a freeze. */
	private static final Duration DELETION_LEASE = Duration.ofSeconds(4);

	/**
	 * How often the stream replicas sweep lapsed holds here (5 minutes in production).
	 */
	private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

	/** The files of the ladder whose deletion the freeze interrupts. */
	private static final int LADDER_FILES = 20000;

	private static final System.Logger log = System.getLogger(ClusterFaultTests.class.getName());

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern ID = Pattern.compile("\"(?:id|session_id)\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern DELETED = Pattern.compile("Deleted video (\\w+) \\((\\d+) files\\)");

	private StoppableDatabase database;

	private Path work;

	private Cluster cluster;

	/** The user whose videos the scenarios upload, play and delete. */
	private Account owner;

	private final List<String> report = new ArrayList<>();

	/** How many files a video has, when not one. */
	private final Map<String, Integer> files = new HashMap<>();

	/** Videos created before the freeze, uploaded during it. */
	private final List<String> later = new ArrayList<>();

	@BeforeAll
	void startCluster(@TempDir Path work) throws Exception {
		if (Front.nginx().isEmpty()) {
			return;
		}
		this.work = work;
		this.database = new StoppableDatabase("faults");
		TestDatabaseHandle handle = new TestDatabaseHandle("faults", this.database.url(), "root", "");
		this.cluster = Cluster.start(work, "ClusterFaultTests",
				Map.of("VIDEO_DB_TIMEOUT_MS", Long.toString(DB_TIMEOUT.toMillis()), "VIDEO_HEALTH_DB_CACHE_TTL", "0s",
						"VIDEO_CONSISTENCY_GRACE", "0s", "VIDEO_SCHEDULER_LEASE", DELETION_LEASE.toMillis() + "ms",
						"VIDEO_SCHEDULER_BACKOFF_BASE", "500ms", "VIDEO_TRANSCODE_ENABLED", "false",
						"VIDEO_UPLOAD_SWEEP_INTERVAL", SWEEP_INTERVAL.toMillis() + "ms"),
				handle);
		this.owner = account("faults");
	}

	@BeforeEach
	void requireNginx() {
		Assumptions.assumeTrue(this.cluster != null,
				"nginx is not installed (apt-get install nginx-light): the cluster fault tests need it as their front");
	}

	@AfterAll
	void stop() throws Exception {
		this.report.forEach((line) -> log.log(System.Logger.Level.INFO, line));
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.database != null) {
			this.database.thaw();
			this.database.stop();
		}
	}

	@Test
	@Order(1)
	void aHungDatabaseUnderTheStreamAndSchedulerServicesGivesBoundedAnswersAndLosesNothing() throws Exception {
		byte[] film = ClusterScenarios.paddedClip(6 * CHUNK, 11);
		String played = uploaded(this.owner, "Played during the freeze", film);
		String resumed = createVideo(this.owner, "Resumed after the freeze");
		String upload = this.owner.tus().create(resumed, film.length);
		for (int offset = 0; offset < 2 * CHUNK; offset += CHUNK) {
			assertThat(this.owner.tus().patch(upload, offset, film).statusCode()).isEqualTo(204);
		}
		List<String> doomed = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			doomed.add(uploaded(this.owner, "Deleted into the freeze " + i, ClusterScenarios.clip()));
		}
		for (ServiceProcess stream : this.cluster.streams()) {
			this.later.add(createVideo(this.owner, "Uploaded during the freeze on " + stream.service().port()));
		}
		// one video's ladder of many files keeps its deletion busy for a second or more:
		// the database freezes while a scheduler holds that lease, the files go, the
		// bookkeeping cannot, and the lease lapses during the freeze
		ladder(doomed.get(0));
		List<CompletableFuture<HttpResponse<String>>> deletions = deleteAsync(doomed);
		long leased = awaitLeased();
		this.database.freeze();
		long frozen = System.nanoTime();
		List<CompletableFuture<Timed>> during = new ArrayList<>();
		Duration longest;
		try {
			for (ServiceProcess stream : this.cluster.streams()) {
				during.add(timed(direct(stream, "/videos/" + played).header("Range", "bytes=0-1023")));
				during.add(timed(this.owner.tus()
					.request(direct(stream, URI.create(upload).getPath()))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())));
				during.add(timed(this.owner.tus()
					.request(direct(stream, URI.create(upload).getPath()))
					.header("Upload-Offset", Integer.toString(2 * CHUNK))
					.header("Content-Type", "application/offset+octet-stream")
					.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(film, 2 * CHUNK, CHUNK))));
				during.add(timed(this.owner.signed(direct(stream, "/videos/" + createdLater()))
					.PUT(HttpRequest.BodyPublishers.ofByteArray(ClusterScenarios.clip()))));
			}
			List<ServiceProcess> probed = new ArrayList<>(this.cluster.streams());
			probed.addAll(this.cluster.schedulers());
			awaitReadiness(probed, 503, BOUND.multipliedBy(2));
			longest = Duration.ZERO;
			for (CompletableFuture<Timed> answer : during) {
				Timed timed = answer.get();
				longest = max(longest, timed.took());
				assertThat(timed.took()).as("%s answered after", timed.what()).isLessThanOrEqualTo(BOUND);
				if (timed.status() >= 500) {
					assertThat(timed.status()).as(timed.what()).isEqualTo(503);
					if (!timed.what().startsWith("HEAD")) {
						assertThat(timed.body()).as(timed.what()).contains("\"012\"");
					}
					assertThat(timed.retryAfter()).as("Retry-After of %s", timed.what()).isTrue();
				}
			}
			// the deletion leases taken before the freeze lapse while it lasts
			long wait = DELETION_LEASE.plusSeconds(2).toMillis()
					- Duration.ofNanos(System.nanoTime() - frozen).toMillis();
			Thread.sleep(Math.max(0, wait));
		}
		finally {
			this.database.thaw();
		}
		long thawed = System.nanoTime();
		List<ServiceProcess> all = new ArrayList<>(this.cluster.streams());
		all.addAll(this.cluster.schedulers());
		awaitReadiness(all, 200, Duration.ofSeconds(30));
		Duration recovered = Duration.ofNanos(System.nanoTime() - thawed);

		long offset = this.owner.tus().offset(upload);
		assertThat(offset).as("the upload's offset after the freeze").isBetween(2L * CHUNK, (long) film.length);
		while (offset < film.length) {
			HttpResponse<String> answer = this.owner.tus().patch(upload, (int) offset, film);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
			offset = Long.parseLong(answer.headers().firstValue("Upload-Offset").orElseThrow());
		}
		ClusterScenarios.assertSameBytes(stored(resumed), film);
		ClusterScenarios.assertSameBytes(range(played, "bytes=0-").body(), film);
		for (int i = 0; i < doomed.size(); i++) {
			HttpResponse<String> answer = deletions.get(i).get();
			// one that reached the api as the database froze answered 503: sent again
			if (answer.statusCode() != 204) {
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
				HttpResponse<String> again = send(
						this.owner.signed(front("/user/" + this.owner.name() + "/videos/" + doomed.get(i))).DELETE());
				assertThat(again.statusCode()).as(again.body()).isIn(204, 404);
			}
		}
		awaitDeletionsDone(doomed);
		this.report.add("hung database: " + leased + " deletions leased at the freeze, " + redone(doomed)
				+ " of them finished after it by a replica that found their files removed already");
		report("hung database (frozen " + seconds(Duration.ofNanos(thawed - frozen)) + ")", longest, recovered);
	}

	@Test
	@Order(2)
	void aDatabaseRestartedWhileUploadsAndDeletionsAreInTheirTransactionsLeavesNothingHalfMade() throws Exception {
		byte[] film = ClusterScenarios.paddedClip(2 * CHUNK, 21);
		// a user for each parked transaction of the stream-service: each takes its
		// author's row lock first, where a second one of the same user would wait. The
		// reserving user signs up first: the gap the test locks for its reservation lies
		// below the others' reservations, which their renewals only move up
		Account reserving = account("reserving");
		Account completing = account("completing");
		Account resuming = account("resuming");
		Account leasing = account("leasing");
		// uploaded once before: their transcoding rows, which a completion writes last
		// and a deletion's cascade reaches, exist for the test to lock
		String put = uploaded(completing, "Completed by PUT across the restart", ClusterScenarios.clip());
		String tus = uploaded(resuming, "Completed by tus across the restart", ClusterScenarios.clip());
		List<String> doomed = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			doomed.add(uploaded(this.owner, "Deleted across the restart " + i, ClusterScenarios.clip()));
			comment(doomed.get(i));
		}
		String leased = createVideo(leasing, "Leased across the restart");
		String reserved = createVideo(reserving, "Reserved across the restart");
		String tusUpload = resuming.tus().create(tus, film.length);
		String leaseUpload = leasing.tus().create(leased, film.length);

		// the three uploads hold their last byte; the two tus PATCHes hold their lease
		// meanwhile, the PUT its reservation
		CountDownLatch completions = new CountDownLatch(1);
		CountDownLatch lease = new CountDownLatch(1);
		Map<String, CompletableFuture<Answered>> answers = new LinkedHashMap<>();
		answers.put("PUT completion",
				answered(completing.signed(front("/stream/videos/" + put)).PUT(held(film, 0, completions, 0))));
		answers.put("tus completion", answered(lastChunk(resuming, tusUpload, film, completions)));
		answers.put("tus lease", answered(lastChunk(leasing, leaseUpload, film, lease)));
		awaitRow("SELECT COUNT(*) FROM upload_reservation WHERE video_id = '" + put + "'");
		awaitRow("SELECT COUNT(*) FROM upload_lease WHERE upload_id = '" + uploadId(tusUpload) + "'");
		awaitRow("SELECT COUNT(*) FROM upload_lease WHERE upload_id = '" + uploadId(leaseUpload) + "'");
		long reservingId = count("SELECT id FROM users WHERE login_name = '" + reserving.name() + "'");

		Map<String, Predicate<ParkedTransactions.Wait>> expected = new LinkedHashMap<>();
		expected.put("PUT completion", (wait) -> wait.runs("INSERT INTO video_transcode", put));
		expected.put("tus completion", (wait) -> wait.runs("INSERT INTO video_transcode", tus));
		Map<String, ParkedTransactions.Wait> parked;
		List<ParkedTransactions.Wait> atTheStop;
		long stopping;
		try (ParkedTransactions parking = new ParkedTransactions(this.database.url())) {
			assertThat(parking.lock("SELECT source FROM video_transcode WHERE video_id IN (?, ?, ?, ?) FOR UPDATE", put,
					tus, doomed.get(0), doomed.get(1)))
				.as("transcoding rows locked")
				.isEqualTo(4);
			// no row: the gap where the reserving user's reservation would go
			assertThat(parking.lock("""
					SELECT id FROM upload_reservation FORCE INDEX (idx_upload_reservation_user)
					WHERE user_id = ? FOR UPDATE""", reservingId)).isZero();
			// the completions are parked first, as they take longest to get there;
			// the rest then follow within the services' socket timeout
			completions.countDown();
			parked = parking.await(expected, Duration.ofSeconds(30));
			assertThat(parked).as("completions parked; waiting: %s", parking.waiting())
				.containsOnlyKeys(expected.keySet());

			assertThat(parking.lock("SELECT holder FROM upload_lease WHERE upload_id = ? FOR UPDATE",
					uploadId(leaseUpload)))
				.as("the lease locked")
				.isEqualTo(1);
			lease.countDown();
			answers.put("quota reservation",
					answered(reserving.tus()
						.request(front("/stream/tus/videos/" + reserved))
						.header("Upload-Length", Integer.toString(film.length))
						.POST(HttpRequest.BodyPublishers.noBody())));
			for (int i = 0; i < doomed.size(); i++) {
				answers.put("deletion " + i, answered(
						this.owner.signed(front("/user/" + this.owner.name() + "/videos/" + doomed.get(i))).DELETE()));
			}
			expected.put("tus lease", (wait) -> wait.runs("UPDATE upload_lease", uploadId(leaseUpload))
					&& dataSize(leaseUpload) == film.length);
			expected.put("quota reservation", (wait) -> wait.runs("INSERT INTO upload_reservation", reserved));
			for (int i = 0; i < doomed.size(); i++) {
				String vid = doomed.get(i);
				expected.put("deletion " + i, (wait) -> wait.runs("DELETE FROM video_info", vid));
			}
			parked = parking.await(expected, DB_TIMEOUT.dividedBy(2));
			atTheStop = parking.waiting();
			stopping = System.nanoTime();
			if (parked.keySet().containsAll(expected.keySet())) {
				parking.kill(parked.values());
			}
			this.database.stop();
		}
		this.database.start();
		long restarted = System.nanoTime();
		assertThat(parked).as("transactions parked at their statements; waiting at the stop: %s", atTheStop)
			.containsOnlyKeys(expected.keySet());
		parked.forEach((kind, wait) -> log.log(System.Logger.Level.INFO, "parked {0}: {1}", kind, wait));
		// a completion and a deletion had written rows, a reservation had locked its
		// author's, when the server went away
		for (String kind : List.of("PUT completion", "tus completion", "deletion 0", "deletion 1")) {
			assertThat(parked.get(kind).rowsModified()).as("rows written by the %s", kind).isPositive();
		}
		assertThat(parked.get("quota reservation").rowsLocked()).as("rows locked by the reservation").isPositive();

		// each answered only once the server went away: it was still waiting in its
		// statement then, not failed before by a lock wait or socket timeout
		long last = stopping;
		for (Map.Entry<String, CompletableFuture<Answered>> answer : answers.entrySet()) {
			assertThat(answer.getValue().get().at()).as("when the %s answered", answer.getKey())
				.isGreaterThan(stopping);
			last = Math.max(last, answer.getValue().get().at());
		}
		Duration longest = Duration.ofNanos(last - stopping);
		// checked at the end, so that a wrong answer still leaves the site clean for the
		// scenarios that follow
		SoftAssertions unavailable = new SoftAssertions();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (Map.Entry<String, CompletableFuture<Answered>> answer : answers.entrySet()) {
			HttpResponse<String> response = answer.getValue().get().response();
			statuses.put(answer.getKey(), response.statusCode());
			if (response.statusCode() >= 500) {
				unavailable.assertThat(response.statusCode())
					.as("%s: %s", answer.getKey(), response.body())
					.isEqualTo(503);
			}
		}
		List<ServiceProcess> all = new ArrayList<>(this.cluster.streams());
		all.addAll(this.cluster.schedulers());
		awaitReadiness(all, 200, Duration.ofSeconds(30));
		Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
		log.log(System.Logger.Level.INFO, "restart mid-transaction: answers {0}, the database down {1}", statuses,
				seconds(Duration.ofNanos(restarted - stopping)));

		// whatever failed is retried, as a client would (a tus upload resumes at its
		// offset): everything ends stored whole, every deletion done
		if (statuses.get("PUT completion") >= 500) {
			expect(completing.signed(front("/stream/videos/" + put)).PUT(HttpRequest.BodyPublishers.ofByteArray(film)),
					201);
		}
		resuming.tus().finish(tusUpload, film);
		leasing.tus().finish(leaseUpload, film);
		HttpResponse<String> creation = answers.get("quota reservation").get().response();
		reserving.tus()
			.finish((creation.statusCode() >= 500) ? reserving.tus().create(reserved, film.length)
					: creation.headers().firstValue("Location").orElseThrow(), film);
		Map<String, Account> authors = Map.of(put, completing, tus, resuming, leased, leasing, reserved, reserving);
		for (String vid : authors.keySet()) {
			ClusterScenarios.assertSameBytes(stored(vid), film);
		}
		for (int i = 0; i < doomed.size(); i++) {
			if (statuses.get("deletion " + i) != 204) {
				HttpResponse<String> again = send(
						this.owner.signed(front("/user/" + this.owner.name() + "/videos/" + doomed.get(i))).DELETE());
				assertThat(again.statusCode()).as(again.body()).isIn(204, 404);
			}
		}
		awaitDeletionsDone(doomed);
		// a hold whose release failed while the database was down lapses, and the
		// stream-service's own sweep removes it (every VIDEO_UPLOAD_SWEEP_INTERVAL: 5
		// minutes in production, where the checker's grace is 1 h; a second here)
		awaitNothingHeld();
		long swept = awaitLapsedHoldsSwept();
		this.report.add("restart mid-transaction, parked at: " + parked + "; lapsed holds the sweep removed: " + swept);
		report("database restarted mid-transaction (answers " + statuses + ")", longest, recovered);
		// the later scenarios work on the owner's videos alone
		for (Map.Entry<String, Account> video : authors.entrySet()) {
			Account author = video.getValue();
			expect(author.signed(front("/user/" + author.name() + "/videos/" + video.getKey())).DELETE(), 204);
		}
		awaitDeletionsDone(new ArrayList<>(authors.keySet()));
		unavailable.assertAll();
	}

	@Test
	@Order(3)
	void aStreamReplicaKilledMidPlaybackAndMidUploadLosesNothing() throws Exception {
		// more than the slow viewer's and the server's socket buffers hold together
		byte[] movie = ClusterScenarios.paddedClip(64 * CHUNK, 37);
		String played = uploaded(this.owner, "Played while a replica dies", movie);
		byte[] film = ClusterScenarios.paddedClip(16 * CHUNK, 31);
		String vid = createVideo(this.owner, "Uploaded while a replica dies");
		String upload = this.owner.tus().create(vid, film.length);
		assertThat(this.owner.tus().patch(upload, 0, film).statusCode()).isEqualTo(204);
		ServiceProcess victim = this.cluster.streams().get(0);
		Path data = this.cluster.videoDir()
			.resolve(".tus")
			.resolve(Path.of(URI.create(upload).getPath()).getFileName() + ".bin");

		// a viewer reading slowly from the victim, and a PATCH half sent to it
		long kill;
		try (SlowViewer viewer = SlowViewer.open(victim.service().url(), "/videos/" + played)) {
			assertThat(viewer.status()).isEqualTo(200);
			byte[] first = viewer.read(64 * 1024);
			ClusterScenarios.assertSameBytes(first, Arrays.copyOf(movie, first.length));
			CountDownLatch killed = new CountDownLatch(1);
			CompletableFuture<HttpResponse<String>> patch = http.sendAsync(this.owner.tus()
				.request(direct(victim, URI.create(upload).getPath()))
				.header("Upload-Offset", Integer.toString(CHUNK))
				.header("Content-Type", "application/offset+octet-stream")
				.method("PATCH", held(film, CHUNK, killed, 0, 3 * 64 * 1024))
				.build(), HttpResponse.BodyHandlers.ofString());
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (Files.size(data) <= CHUNK) {
				if (System.nanoTime() > deadline || patch.isDone()) {
					fail("No byte of the PATCH reached the disk");
				}
				Thread.sleep(20);
			}
			victim.kill();
			kill = System.nanoTime();
			killed.countDown();
			assertThat(patch).failsWithin(Duration.ofSeconds(20));

			// the viewer picks up where it was cut, through the front: the other replica
			long read = first.length + viewer.readRest();
			assertThat(read).as("the killed replica's viewer was cut").isLessThan(movie.length);
			HttpResponse<byte[]> resumedPlay = range(played, "bytes=" + first.length + "-");
			Duration playGap = Duration.ofNanos(System.nanoTime() - kill);
			assertThat(resumedPlay.statusCode()).isEqualTo(206);
			ClusterScenarios.assertSameBytes(resumedPlay.body(), Arrays.copyOfRange(movie, first.length, movie.length));
			this.report.add("stream replica killed: playback resumed on the other replica " + seconds(playGap)
					+ " after the kill");
		}

		long offset = this.owner.tus().offset(upload);
		assertThat(offset).as("what the killed replica had stored").isBetween((long) CHUNK + 1, film.length - 1L);
		Duration longest = this.owner.tus().finish(upload, film);
		Duration uploadGap = Duration.ofNanos(System.nanoTime() - kill);
		ClusterScenarios.assertSameBytes(stored(vid), film);
		this.report.add("stream replica killed: the upload completed " + seconds(uploadGap) + " after the kill");
		report("stream replica killed mid-transfer", longest, uploadGap);
	}

	@Test
	@Order(4)
	void aSchedulerReplicaKilledMidBatchLeavesTheRestToTheOtherAndRemovesEachFileOnce() throws Exception {
		List<String> doomed = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			doomed.add(uploaded(this.owner, "Deleted while a scheduler dies " + i, ClusterScenarios.clip()));
		}
		// a ladder of many files keeps the batch busy long enough for the kill to land in
		// it
		ladder(doomed.get(0));
		List<CompletableFuture<HttpResponse<String>>> deletions = deleteAsync(doomed);
		// kill the replica that holds leases as soon as one does
		String owner = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (owner == null) {
			owner = this.cluster.jdbc()
				.sql("SELECT MIN(lease_owner) FROM video_del_rec WHERE lease_owner IS NOT NULL")
				.query(String.class)
				.optional()
				.orElse(null);
			if (owner == null && System.nanoTime() > deadline) {
				fail("No scheduler replica leased a deletion");
			}
		}
		ServiceProcess victim = this.cluster.schedulers().get(owner.equals("scheduler-1") ? 0 : 1);
		victim.kill();
		long kill = System.nanoTime();
		long leased = count("SELECT COUNT(*) FROM video_del_rec WHERE lease_owner = '" + owner + "'");
		for (CompletableFuture<HttpResponse<String>> deletion : deletions) {
			assertThat(deletion.get().statusCode()).isEqualTo(204);
		}
		awaitDeletionsDone(doomed);
		Duration recovered = Duration.ofNanos(System.nanoTime() - kill);
		this.report.add("scheduler replica " + owner + " killed with " + leased
				+ " deletions still leased to it; the other finished all 30 in " + seconds(recovered) + ", "
				+ redone(doomed) + " of them finished by a replica that found their files removed already");
		report("scheduler replica killed mid-batch", Duration.ZERO, recovered);
	}

	@Test
	@Order(5)
	void aSchedulerReplicaKilledMidTranscodeLeavesTheJobToTheOtherWhichRecordsOneResult() throws Exception {
		// only this test's video is transcoded: the others go, and the two transcoding
		// replicas start now (the site's schedulers run without transcoding)
		for (String vid : this.cluster.jdbc().sql("SELECT id FROM video_info").query(String.class).list()) {
			delete(vid);
		}
		List<ServiceProcess> transcoders = new ArrayList<>();
		for (int i = 1; i <= 2; i++) {
			transcoders.add(this.cluster.startScheduler("transcoder-" + i,
					Map.of("VIDEO_TRANSCODE_ENABLED", "true", "VIDEO_TRANSCODE_LEASE", "6s", "VIDEO_TRANSCODE_INTERVAL",
							"300ms", "VIDEO_TRANSCODE_PROGRESS_INTERVAL", "500ms", "VIDEO_TRANSCODE_WORK_DIR",
							Files.createDirectories(this.work.resolve("transcode-" + i)).toString())));
		}
		for (ServiceProcess transcoder : transcoders) {
			transcoder.awaitReady(Cluster.START_TIMEOUT);
		}
		String vid = uploaded(this.owner, "Transcoded while a scheduler dies", Files.readAllBytes(longVideo()));

		String owner = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (owner == null) {
			owner = this.cluster.jdbc()
				.sql("SELECT lease_owner FROM video_transcode WHERE video_id = :vid AND state = 'running'")
				.param("vid", vid)
				.query(String.class)
				.optional()
				.orElse(null);
			if (owner == null) {
				if (System.nanoTime() > deadline) {
					fail("No replica started transcoding " + vid);
				}
				Thread.sleep(50);
			}
		}
		ServiceProcess victim = transcoders.get(owner.equals("transcoder-1") ? 0 : 1);
		victim.kill();
		long kill = System.nanoTime();
		String state = "";
		deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!state.equals("ready") && System.nanoTime() < deadline) {
			Thread.sleep(250);
			state = this.cluster.jdbc()
				.sql("SELECT state FROM video_transcode WHERE video_id = :vid")
				.param("vid", vid)
				.query(String.class)
				.single();
		}
		assertThat(state).as("the job's state after the other replica took it over").isEqualTo("ready");
		Duration recovered = Duration.ofNanos(System.nanoTime() - kill);
		int results = 0;
		for (ServiceProcess transcoder : transcoders) {
			results += count(transcoder.log(), "Transcoded video " + vid + " ");
		}
		assertThat(results).as("transcoding results recorded for " + vid).isEqualTo(1);
		String version = this.cluster.jdbc()
			.sql("SELECT hls_version FROM video_transcode WHERE video_id = :vid")
			.param("vid", vid)
			.query(String.class)
			.single();
		assertThat(send(front("/stream/videos/" + vid + "/hls/" + version + "/master.m3u8")).statusCode())
			.isEqualTo(200);
		this.report.add("transcoding replica " + owner + " killed mid-job; the other recorded the one result "
				+ seconds(recovered) + " after the kill");
		report("scheduler replica killed mid-transcode", Duration.ZERO, recovered);
	}

	/** Twenty seconds of 640x480 H.264/AAC: long enough to kill its transcoder midway. */
	private Path longVideo() throws IOException, InterruptedException {
		Assumptions.assumeTrue(Files.isExecutable(Path.of(HlsPlaybackTests.FFMPEG)),
				HlsPlaybackTests.FFMPEG + " is missing: apt-get install -y ffmpeg (or -De2e.ffmpeg=…)");
		Path mp4 = this.work.resolve("long.mp4");
		Process ffmpeg = new ProcessBuilder(HlsPlaybackTests.FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i",
				"testsrc2=size=640x480:rate=25:duration=20", "-f", "lavfi", "-i", "sine=frequency=440:duration=20",
				"-c:v", "libx264", "-preset", "ultrafast", "-crf", "35", "-c:a", "aac", "-b:a", "32k", "-shortest",
				"-movflags", "+faststart", mp4.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("long-ffmpeg.log").toFile())
			.start();
		if (!ffmpeg.waitFor(1, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
			ffmpeg.destroyForcibly();
			throw new IllegalStateException("ffmpeg failed: " + Files.readString(this.work.resolve("long-ffmpeg.log")));
		}
		return mp4;
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	// --- the figures and the consistency check

	private void report(String scenario, Duration longest, Duration recovered) throws Exception {
		awaitNothingHeld();
		String findings = awaitConsistent();
		String line = scenario + ": longest answer during the fault " + seconds(longest) + ", recovered "
				+ seconds(recovered) + " after it, consistency findings " + findings;
		this.report.add(line);
		log.log(System.Logger.Level.INFO, line);
	}

	/**
	 * With no upload in flight, every quota reservation and tus writer's lease is
	 * released or lapses within the lease's time ({@code VIDEO_UPLOAD_LEASE_TTL}): one
	 * kept alive longer is held by nothing. The lapsed ones count for the checker at once
	 * (grace 0).
	 */
	private void awaitNothingHeld() throws Exception {
		awaitNoHolds("> NOW(3)", Cluster.UPLOAD_LEASE_TTL.plusSeconds(10),
				"Reservations or leases kept alive with no upload in flight");
	}

	/**
	 * Waits for the stream-service's sweep to remove the reservations and leases that
	 * lapsed (their holders could not give them back while the database was away).
	 * @return how many there were
	 */
	private long awaitLapsedHoldsSwept() throws Exception {
		return awaitNoHolds("< NOW(3)", SWEEP_INTERVAL.multipliedBy(10), "Lapsed reservations or leases not swept");
	}

	/**
	 * Waits until no reservation or lease has its {@code expires_at} matching the
	 * condition, and fails with every hold when that takes longer than {@code within}.
	 * @return how many matched at first
	 */
	private long awaitNoHolds(String expiry, Duration within, String failure) throws Exception {
		String holds = "SELECT (SELECT COUNT(*) FROM upload_reservation WHERE expires_at " + expiry + ")"
				+ " + (SELECT COUNT(*) FROM upload_lease WHERE expires_at " + expiry + ")";
		long found = count(holds);
		long deadline = System.nanoTime() + within.toNanos();
		while (count(holds) > 0) {
			if (System.nanoTime() > deadline) {
				fail(failure + ": " + this.cluster.jdbc().sql("SELECT * FROM upload_reservation").query().listOfRows()
						+ this.cluster.jdbc().sql("SELECT * FROM upload_lease").query().listOfRows());
			}
			Thread.sleep(200);
		}
		return found;
	}

	/**
	 * Runs the consistency check on a live scheduler until it finds nothing (work in
	 * flight settles within seconds), and fails with its last report when it does not.
	 */
	private String awaitConsistent() throws Exception {
		ServiceProcess scheduler = this.cluster.schedulers()
			.stream()
			.filter(ServiceProcess::isAlive)
			.findFirst()
			.orElseThrow();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			HttpResponse<String> report = send(
					HttpRequest.newBuilder(URI.create(scheduler.service().managementUrl() + "/actuator/consistency"))
						.timeout(Duration.ofSeconds(30)));
			if (report.statusCode() == 200 && report.body().contains("\"findings\":[]")) {
				return "[]";
			}
			if (System.nanoTime() > deadline) {
				fail("The consistency check found: " + report.body());
			}
			Thread.sleep(500);
		}
	}

	private int filesRemoved(String vid) throws IOException {
		int removed = 0;
		for (ServiceProcess scheduler : this.cluster.schedulers()) {
			Matcher matcher = DELETED.matcher(scheduler.log());
			while (matcher.find()) {
				if (matcher.group(1).equals(vid)) {
					removed += Integer.parseInt(matcher.group(2));
				}
			}
		}
		return removed;
	}

	/**
	 * Waits until the queue is empty and each video's files are gone, and checks that the
	 * schedulers' logs count no more files removed than the video had: a replica that
	 * finishes a lapsed or a killed replica's lease finds nothing left to remove. (A
	 * replica killed between removing and logging removed files that no log counts.)
	 */
	private void awaitDeletionsDone(List<String> vids) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while ((count("SELECT COUNT(*) FROM video_del_rec") > 0 || !allGone(vids)) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.cluster.jdbc().sql("SELECT video_id FROM video_del_rec").query(String.class).list())
			.as("deletions still queued")
			.isEmpty();
		for (String vid : vids) {
			assertThat(stored(vid)).as(vid).isNull();
			assertThat(this.cluster.videoDir().resolve(vid + ".hls")).as("the ladders of " + vid).doesNotExist();
			assertThat(filesRemoved(vid)).as("files of %s removed by the schedulers", vid)
				.isLessThanOrEqualTo(this.files.getOrDefault(vid, 1));
		}
	}

	private boolean allGone(List<String> vids) {
		return vids.stream()
			.allMatch((vid) -> !Files.exists(this.cluster.videoDir().resolve(vid))
					&& !Files.exists(this.cluster.videoDir().resolve(vid + ".hls")));
	}

	/**
	 * How many of the videos' deletions were finished by a replica that found nothing
	 * left to remove: work taken over (or taken again) after a lapsed or killed lease.
	 */
	private long redone(List<String> vids) throws IOException {
		long again = 0;
		for (String vid : vids) {
			for (ServiceProcess scheduler : this.cluster.schedulers()) {
				again += count(scheduler.log(), "Deleted video " + vid + " (0 files)");
			}
		}
		return again;
	}

	/** Gives a video a ladder of {@link #LADDER_FILES} files, slow to delete. */
	private void ladder(String vid) throws IOException {
		Path ladder = Files.createDirectories(this.cluster.videoDir().resolve(vid + ".hls").resolve("v1"));
		for (int i = 0; i < LADDER_FILES; i++) {
			Files.createFile(ladder.resolve("s" + i + ".m4s"));
		}
		this.files.put(vid, 1 + LADDER_FILES);
	}

	private List<CompletableFuture<HttpResponse<String>>> deleteAsync(List<String> vids) {
		List<CompletableFuture<HttpResponse<String>>> deletions = new ArrayList<>();
		for (String vid : vids) {
			deletions.add(http.sendAsync(
					this.owner.signed(front("/user/" + this.owner.name() + "/videos/" + vid)).DELETE().build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		return deletions;
	}

	/** Waits until a scheduler replica holds deletion leases; answers how many. */
	private long awaitLeased() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			long leased = count("SELECT COUNT(*) FROM video_del_rec WHERE lease_owner IS NOT NULL");
			if (leased > 0) {
				return leased;
			}
			if (System.nanoTime() > deadline) {
				fail("No scheduler replica leased a deletion");
			}
		}
	}

	private static void awaitReadiness(List<ServiceProcess> services, int status, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ServiceProcess service : services) {
			while (readiness(service) != status) {
				if (System.nanoTime() > deadline) {
					fail(service.service().module() + " readiness did not become " + status + " within " + timeout);
				}
				Thread.sleep(100);
			}
		}
	}

	private static int readiness(ServiceProcess service) throws InterruptedException {
		try {
			return send(
					HttpRequest.newBuilder(URI.create(service.service().managementUrl() + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5)))
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	// --- the site's API

	private CompletableFuture<Timed> timed(HttpRequest.Builder request) {
		HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
		long sent = System.nanoTime();
		return http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
			.handle((answer, error) -> new Timed(built.method() + " " + built.uri().getPath(),
					Duration.ofNanos(System.nanoTime() - sent), (answer != null) ? answer.statusCode() : -1,
					(answer != null) ? answer.body() : String.valueOf(error),
					answer != null && answer.headers().firstValue("Retry-After").isPresent()));
	}

	/** A video id made before the freeze, uploaded during it. */
	private String createdLater() {
		return this.later.remove(0);
	}

	/** Signs a user up, with a name of this prefix; the session is the sign-up's. */
	private Account account(String prefix) throws IOException, InterruptedException {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		String session = id(
				expect(front("/user").header("Content-Type", "application/json").POST(credentials(name)), 201));
		return new Account(name, session, new TusClient(http, this.cluster.url(), name, session));
	}

	private String uploaded(Account author, String title, byte[] film) throws IOException, InterruptedException {
		String vid = createVideo(author, title);
		expect(author.signed(front("/stream/videos/" + vid)).PUT(HttpRequest.BodyPublishers.ofByteArray(film)), 201);
		return vid;
	}

	private String createVideo(Account author, String title) throws IOException, InterruptedException {
		return id(expect(author.signed(front("/user/" + author.name() + "/videos"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + title + "\"}")), 201));
	}

	private void comment(String vid) throws IOException, InterruptedException {
		expect(this.owner.signed(front("/videos/" + vid + "/comments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"Gone soon\"}")), 201);
	}

	private void delete(String vid) throws IOException, InterruptedException {
		expect(this.owner.signed(front("/user/" + this.owner.name() + "/videos/" + vid)).DELETE(), 204);
	}

	/**
	 * A tus upload's one PATCH from offset 0, its last byte held until {@code release}.
	 */
	private static HttpRequest.Builder lastChunk(Account author, String upload, byte[] film, CountDownLatch release) {
		return author.tus()
			.request(HttpRequest.newBuilder(URI.create(upload)).timeout(Duration.ofSeconds(60)))
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", held(film, 0, release, 0));
	}

	/** Sends the request; its answer comes with the time it came. */
	private static CompletableFuture<Answered> answered(HttpRequest.Builder request) {
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> new Answered(response, System.nanoTime()));
	}

	/** Waits until the query counts a row: one that a request in flight has written. */
	private void awaitRow(String sql) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (count(sql) == 0) {
			if (System.nanoTime() > deadline) {
				fail("No row for " + sql);
			}
			Thread.sleep(20);
		}
	}

	private static String uploadId(String upload) {
		return Path.of(URI.create(upload).getPath()).getFileName().toString();
	}

	/** How many bytes of a tus upload are on disk. */
	private long dataSize(String upload) {
		try {
			return Files.size(this.cluster.videoDir().resolve(".tus").resolve(uploadId(upload) + ".bin"));
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private HttpResponse<byte[]> range(String vid, String range) throws IOException, InterruptedException {
		return http.send(front("/stream/videos/" + vid).header("Range", range).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private byte[] stored(String vid) throws IOException {
		Path file = this.cluster.videoDir().resolve(vid);
		return Files.exists(file) ? Files.readAllBytes(file) : null;
	}

	private HttpRequest.Builder front(String path) {
		return HttpRequest.newBuilder(URI.create(this.cluster.url() + path)).timeout(Duration.ofSeconds(60));
	}

	private static HttpRequest.Builder direct(ServiceProcess service, String path) {
		return HttpRequest.newBuilder(URI.create(service.service().url() + path)).timeout(Duration.ofSeconds(30));
	}

	/**
	 * The body from {@code from} to the end, held one byte before its end until
	 * {@code release}, then sent after {@code delayMs}.
	 */
	private static HttpRequest.BodyPublisher held(byte[] film, int from, CountDownLatch release, long delayMs) {
		return held(film, from, release, delayMs, film.length - from - 1);
	}

	/** The body, held after {@code before} bytes until {@code release}. */
	private static HttpRequest.BodyPublisher held(byte[] film, int from, CountDownLatch release, long delayMs,
			int before) {
		InputStream body = new InputStream() {
			private int next = from;

			@Override
			public int read() throws IOException {
				if (this.next == from + before) {
					try {
						release.await();
						Thread.sleep(delayMs);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IOException(ex);
					}
				}
				if (this.next >= film.length) {
					return -1;
				}
				return film[this.next++] & 0xff;
			}
		};
		return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
				film.length - from);
	}

	private long count(String sql) {
		return this.cluster.jdbc().sql(sql).query(Long.class).single();
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> expect(HttpRequest.Builder request, int status)
			throws IOException, InterruptedException {
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(status);
		return response;
	}

	private static String id(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

	private static HttpRequest.BodyPublisher credentials(String name) {
		return HttpRequest.BodyPublishers
			.ofString("{\"user_name\":\"" + name + "\",\"pwd\":\"" + WebUiTests.PASSWORD + "\"}");
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

	private record Timed(String what, Duration took, int status, String body, boolean retryAfter) {
	}

	private record Answered(HttpResponse<String> response, long at) {
	}

	/** A signed-up user with a session, and their tus client. */
	private record Account(String name, String session, TusClient tus) {

		HttpRequest.Builder signed(HttpRequest.Builder request) {
			return request.header("X-Session-Id", this.session).header("X-User-Name", this.name);
		}

	}

}
