package io.videoserver.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.videoserver.launcher.ServiceProcess;
import io.videoserver.shared.store.PublishLock;
import org.jspecify.annotations.Nullable;
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
 * What the README's "Running several replicas" promises, checked on a {@link Cluster}
 * through its one front, the way the Kubernetes Ingress spreads requests: sessions and
 * logouts across api replicas, a tus upload whose requests land on both stream replicas
 * and that resumes after the replica holding it is killed, playback with seeking, one
 * deletion with two schedulers, the quota under parallel uploads to both replicas, and
 * nothing lost or leaked at the end. Each store (local directory, S3) runs it once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ClusterScenarios {

	static final int CHUNK = TusClient.CHUNK;

	private static final System.Logger log = System.getLogger(ClusterScenarios.class.getName());

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern ID = Pattern.compile("\"(?:id|session_id)\"\\s*:\\s*\"([^\"]+)\"");

	Path work;

	Cluster cluster;

	private long started;

	private String user;

	private String session;

	private TusClient tus;

	private String uploaded;

	private byte[] uploadedBytes;

	/** The variables that choose the video store. */
	abstract Map<String, String> storeEnvironment();

	/** The ids of the videos the store holds. */
	abstract Set<String> storedIds() throws IOException;

	/** A stored video's bytes, or null when the store holds none. */
	abstract byte @Nullable [] stored(String vid) throws IOException;

	@BeforeAll
	void startCluster(@TempDir Path work) throws Exception {
		this.work = work;
		if (Front.nginx().isEmpty()) {
			return;
		}
		this.started = System.nanoTime();
		this.cluster = Cluster.start(this.work, getClass().getSimpleName(), storeEnvironment());
		log.log(System.Logger.Level.INFO, "{0}: six replicas and the front ready in {1} s", getClass().getSimpleName(),
				seconds());
	}

	/** Each test, so that the reason is reported with every skipped one. */
	@BeforeEach
	void requireNginx() {
		Assumptions.assumeTrue(this.cluster != null,
				"nginx is not installed (apt-get install nginx-light): the multi-replica site test needs it as its front");
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
			log.log(System.Logger.Level.INFO, "{0}: the multi-replica site test took {1} s", getClass().getSimpleName(),
					seconds());
		}
	}

	private long seconds() {
		return Duration.ofNanos(System.nanoTime() - this.started).toSeconds();
	}

	@Test
	@Order(1)
	void signUpAndLogInThroughTheFrontGiveASessionThatEveryApiReplicaKnows() throws Exception {
		this.user = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
		signUp(this.user);
		this.session = logIn(this.user);
		this.tus = new TusClient(http, this.cluster.url(), this.user, this.session);
		for (int i = 0; i < 4; i++) {
			assertThat(send(front("/session").header("Cookie", cookie(this.session))).statusCode()).isEqualTo(200);
		}
		assertThat(ports("GET", "/session")).as("answered by both api replicas")
			.containsExactlyInAnyOrderElementsOf(ports(this.cluster.apis()));
	}

	@Test
	@Order(2)
	void aTusUploadWhoseRequestsLandOnBothStreamReplicasIsStoredWhole() throws Exception {
		this.uploadedBytes = paddedClip(8 * CHUNK, 2);
		this.uploaded = createVideo(this.user, this.session, "Across replicas");
		String upload = this.tus.create(this.uploaded, this.uploadedBytes.length);
		for (int offset = 0; offset < this.uploadedBytes.length; offset += CHUNK) {
			assertThat(this.tus.patch(upload, offset, this.uploadedBytes).statusCode()).isEqualTo(204);
		}
		assertSameBytes(stored(this.uploaded), this.uploadedBytes);
		assertThat(ports("PATCH", URI.create(upload).getPath())).as("PATCHes answered by both stream replicas")
			.containsExactlyInAnyOrderElementsOf(ports(this.cluster.streams()));
	}

	@Test
	@Order(3)
	void behindAnIngressWithTlsTheTusUploadUrlIsThePublicHttpsOne() throws Exception {
		String vid = createVideo(this.user, this.session, "Behind TLS");
		ServiceProcess replica = this.cluster.streams().get(0);
		try {
			HttpResponse<String> created = send(this.tus.request(direct(replica, "/tus/videos/" + vid))
				.header("Upload-Length", Integer.toString(CHUNK))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "video.example.com")
				.header("X-Forwarded-Port", "443")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			String location = created.headers().firstValue("Location").orElseThrow();
			assertThat(location).startsWith("https://video.example.com/tus/uploads/");
			expect(this.tus
				.request(HttpRequest.newBuilder(URI.create(this.cluster.url() + URI.create(location).getPath())))
				.DELETE(), 204);
		}
		finally {
			delete(this.user, this.session, vid);
		}
	}

	@Test
	@Order(4)
	void playbackWithSeekingAnswersTheSameBytesFromEitherReplica() throws Exception {
		byte[] film = this.uploadedBytes;
		for (int round = 0; round < 2; round++) {
			assertSameBytes(range("bytes=0-1023").body(), Arrays.copyOfRange(film, 0, 1024));
			HttpResponse<byte[]> seek = range("bytes=1000000-");
			assertThat(seek.statusCode()).isEqualTo(206);
			assertThat(seek.headers().firstValue("Content-Range"))
				.hasValue("bytes 1000000-" + (film.length - 1) + "/" + film.length);
			assertSameBytes(seek.body(), Arrays.copyOfRange(film, 1000000, film.length));
			assertSameBytes(range("bytes=300000-300099").body(), Arrays.copyOfRange(film, 300000, 300100));
		}
		assertThat(ports("GET", "/stream/videos/" + this.uploaded)).as("played from both stream replicas")
			.containsExactlyInAnyOrderElementsOf(ports(this.cluster.streams()));
	}

	@Test
	@Order(5)
	void aLogoutIsHonouredByTheOtherApiReplicaWithinTheSessionCacheBound() throws Exception {
		String other = logIn(this.user);
		for (ServiceProcess api : this.cluster.apis()) {
			assertThat(send(direct(api, "/session").header("Cookie", cookie(other))).statusCode())
				.as(api.service().url())
				.isEqualTo(200);
		}
		assertThat(send(front("/session").header("Cookie", cookie(other)).DELETE()).statusCode()).isEqualTo(204);
		long deadline = System.nanoTime() + Cluster.SESSION_CACHE_TTL.plusSeconds(3).toNanos();
		for (ServiceProcess api : this.cluster.apis()) {
			while (send(direct(api, "/session").header("Cookie", cookie(other))).statusCode() != 401) {
				if (System.nanoTime() > deadline) {
					fail(api.service().url() + " still accepts the session logged out on the other replica");
				}
				Thread.sleep(100);
			}
		}
		for (int i = 0; i < 4; i++) {
			assertThat(send(front("/session").header("Cookie", cookie(other))).statusCode()).isEqualTo(401);
		}
		String vid = createVideo(this.user, this.session, "After a logout");
		HttpResponse<String> refused = send(front("/stream/videos/" + vid).header("X-Session-Id", other)
			.header("X-User-Name", this.user)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(clip())));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
		delete(this.user, this.session, vid);
	}

	@Test
	@Order(6)
	void parallelUploadsOfOneUserOnBothReplicasNeverStoreMoreThanTheQuota() throws Exception {
		String name = "quota-" + UUID.randomUUID().toString().substring(0, 8);
		String owner = signUp(name);
		byte[] film = paddedClip(4 * CHUNK, 5);
		long quota = 3 * film.length + film.length / 2;
		this.cluster.jdbc()
			.sql("UPDATE users SET quota_bytes = :quota WHERE login_name = :name")
			.param("quota", quota)
			.param("name", name)
			.update();
		List<String> vids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			vids.add(createVideo(name, owner, "Quota " + i));
		}
		try {
			// half as the original's PUT, half as the web UI's
			// tus (creation with the whole file)
			List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
			for (int i = 0; i < vids.size(); i++) {
				HttpRequest.Builder upload = (i % 2 == 0)
						? front("/stream/videos/" + vids.get(i)).PUT(HttpRequest.BodyPublishers.ofByteArray(film))
						: front("/stream/tus/videos/" + vids.get(i)).header("Tus-Resumable", "1.0.0")
							.header("Upload-Length", Integer.toString(film.length))
							.header("Content-Type", "application/offset+octet-stream")
							.POST(HttpRequest.BodyPublishers.ofByteArray(film));
				uploads.add(http.sendAsync(upload.header("X-Session-Id", owner).header("X-User-Name", name).build(),
						HttpResponse.BodyHandlers.ofString()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> upload : uploads) {
				statuses.add(upload.get().statusCode());
			}
			long sum = this.cluster.jdbc().sql("""
					SELECT COALESCE(SUM(v.file_size), 0) FROM video_info v JOIN users u ON u.id = v.author_id
					WHERE u.login_name = :name""").param("name", name).query(Long.class).single();
			log.log(System.Logger.Level.INFO, "{0}: parallel uploads answered {1}; {2} of {3} bytes stored",
					getClass().getSimpleName(), statuses, sum, quota);
			assertThat(statuses).as("each upload is stored or refused for the quota")
				.allMatch((s) -> s == 201 || s == 413);
			assertThat(statuses).as("the quota holds three").contains(201);
			Set<Integer> receivers = this.cluster.front()
				.accessLog()
				.stream()
				.filter((r) -> vids.stream().anyMatch((vid) -> r.path().contains(vid)))
				.map(Front.Request::port)
				.collect(Collectors.toSet());
			assertThat(receivers).as("the uploads reached both stream replicas")
				.containsExactlyInAnyOrderElementsOf(ports(this.cluster.streams()));
			assertThat(sum).as("bytes stored for one user by parallel uploads on two replicas")
				.isLessThanOrEqualTo(quota);
		}
		finally {
			for (String vid : vids) {
				delete(name, owner, vid);
			}
		}
	}

	@Test
	@Order(7)
	void aDeletionWithBothSchedulersRunningRemovesTheFileOnceAndLogsNoError() throws Exception {
		delete(this.user, this.session, this.uploaded);
		awaitRemoved(this.uploaded);
		assertThat(send(front("/stream/videos/" + this.uploaded)).statusCode()).isEqualTo(404);
		int deletions = 0;
		for (ServiceProcess scheduler : this.cluster.schedulers()) {
			String text = scheduler.log();
			deletions += count(text, "Deleted video " + this.uploaded + " ");
			assertThat(text.lines().filter((line) -> line.contains("ERROR") || line.contains("lease had passed")))
				.as("errors in the log of %s", scheduler.service().url())
				.isEmpty();
		}
		assertThat(deletions).as("deleted by exactly one scheduler replica").isEqualTo(1);
	}

	@Test
	@Order(8)
	void anUploadResumesOnTheOtherReplicaAfterTheReplicaHoldingItIsKilledMidRequest() throws Exception {
		byte[] film = paddedClip(8 * CHUNK, 7);
		String vid = createVideo(this.user, this.session, "Resumed");
		String upload = this.tus.create(vid, film.length);
		for (int offset = 0; offset < 3 * CHUNK; offset += CHUNK) {
			assertThat(this.tus.patch(upload, offset, film).statusCode()).isEqualTo(204);
		}
		ServiceProcess holder = this.cluster.streams().get(0);
		Path data = this.cluster.videoDir()
			.resolve(".tus")
			.resolve(Path.of(URI.create(upload).getPath()).getFileName() + ".bin");
		killMidPatch(holder, upload, film, 3 * CHUNK, data);

		long offset = this.tus.offset(upload);
		assertThat(offset).as("what the killed replica had stored").isBetween(3L * CHUNK + 1, (long) film.length - 1);
		int before = this.cluster.front().accessLog().size();
		// The killed writer's lease in the database keeps every other writer
		// out (423) until it lapses, at most the lease's time after the kill;
		// then the rest goes in.
		this.tus.finish(upload, film);
		assertSameBytes(stored(vid), film);
		assertThat(this.cluster.front().accessLog().stream().skip(before).filter((r) -> r.method().equals("PATCH")))
			.as("the rest stored by the replica still running")
			.isNotEmpty()
			.allSatisfy((r) -> assertThat(r.port()).isNotEqualTo(holder.service().port()));
	}

	/**
	 * Sends the rest of the upload to one replica, but only part of it, and kills that
	 * replica (SIGKILL) once some of it reached the disk.
	 */
	private void killMidPatch(ServiceProcess replica, String upload, byte[] film, int offset, Path data)
			throws Exception {
		CountDownLatch killed = new CountDownLatch(1);
		int sent = 3 * 64 * 1024;
		InputStream body = new InputStream() {
			private int next = offset;

			@Override
			public int read() throws IOException {
				if (this.next >= offset + sent) {
					try {
						killed.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					throw new IOException("the replica was killed");
				}
				return film[this.next++] & 0xff;
			}
		};
		CompletableFuture<HttpResponse<String>> patch = http
			.sendAsync(this.tus.request(direct(replica, URI.create(upload).getPath()))
				.header("Upload-Offset", Integer.toString(offset))
				.header("Content-Type", "application/offset+octet-stream")
				.method("PATCH",
						HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
								film.length - offset))
				.build(), HttpResponse.BodyHandlers.ofString());
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (Files.size(data) <= offset) {
			if (System.nanoTime() > deadline || patch.isDone()) {
				fail("No byte of the PATCH reached the disk: " + (patch.isDone() ? patch.get().body() : ""));
			}
			Thread.sleep(20);
		}
		replica.kill();
		killed.countDown();
		assertThat(patch).failsWithin(Duration.ofSeconds(20));
	}

	@Test
	@Order(99)
	void nothingIsLostOrLeaked() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (count("SELECT COUNT(*) FROM video_del_rec") > 0) {
			if (System.nanoTime() > deadline) {
				fail("Deletions still queued: "
						+ this.cluster.jdbc().sql("SELECT * FROM video_del_rec").query().listOfRows());
			}
			Thread.sleep(100);
		}
		Set<String> rows = this.cluster.jdbc()
			.sql("SELECT id FROM video_info WHERE file_size IS NOT NULL")
			.query(String.class)
			.set();
		assertThat(storedIds()).as("stored videos against rows with a file").containsExactlyInAnyOrderElementsOf(rows);
		assertThat(count("SELECT COUNT(*) FROM video_info WHERE file_size IS NULL")).as("videos without a file")
			.isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM video_info v LEFT JOIN users u ON u.id = v.author_id WHERE u.id IS NULL"""))
			.as("videos without an author")
			.isZero();
		// a published tus upload keeps its description (.info) until it expires,
		// so that a client that missed the last answer can still ask; its data
		// (.bin) must be gone.
		// Each stream process's lock (.owners/*.lock) marks its staged files as a live
		// process's; a killed one's goes at the next start (StaleUploadCleaner). The
		// publication lock (.publish.lock) stays, empty, for the next publication.
		try (Stream<Path> files = Files.walk(this.cluster.videoDir())) {
			assertThat(
					files.filter(Files::isRegularFile)
						.map((file) -> this.cluster.videoDir().relativize(file).toString())
						.filter((file) -> file.endsWith(".part") || (file.startsWith(".")
								&& !file.matches("\\.tus/[0-9a-f]{32}\\.info")
								&& !file.matches("\\.owners/[0-9a-f]{32}\\.lock") && !file.equals(PublishLock.NAME))))
				.as("uploads left behind")
				.isEmpty();
		}
	}

	// --- the site's API through the front, as a client would use it

	HttpRequest.Builder front(String path) {
		return HttpRequest.newBuilder(URI.create(this.cluster.url() + path)).timeout(Duration.ofSeconds(60));
	}

	private static HttpRequest.Builder direct(ServiceProcess service, String path) {
		return HttpRequest.newBuilder(URI.create(service.service().url() + path)).timeout(Duration.ofSeconds(10));
	}

	String signUp(String name) throws IOException, InterruptedException {
		return id(expect(front("/user").header("Content-Type", "application/json").POST(credentials(name)), 201));
	}

	private String logIn(String name) throws IOException, InterruptedException {
		return id(
				expect(front("/user/" + name).header("Content-Type", "application/json").POST(credentials(name)), 200));
	}

	private String createVideo(String name, String sessionId, String title) throws IOException, InterruptedException {
		return id(expect(front("/user/" + name + "/videos").header("Content-Type", "application/json")
			.header("X-Session-Id", sessionId)
			.header("X-User-Name", name)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + title + "\"}")), 201));
	}

	private void delete(String name, String sessionId, String vid) throws IOException, InterruptedException {
		expect(front("/user/" + name + "/videos/" + vid).header("X-Session-Id", sessionId)
			.header("X-User-Name", name)
			.DELETE(), 204);
	}

	private HttpResponse<byte[]> range(String range) throws IOException, InterruptedException {
		return http.send(front("/stream/videos/" + this.uploaded).header("Range", range).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private void awaitRemoved(String vid) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (stored(vid) != null || count("SELECT COUNT(*) FROM video_del_rec WHERE video_id = '" + vid + "'") > 0) {
			if (System.nanoTime() > deadline) {
				fail("The schedulers did not remove " + vid);
			}
			Thread.sleep(100);
		}
	}

	/** The ports of the replicas that answered requests with this method (and path). */
	private Set<Integer> ports(String method, String path) throws IOException {
		return this.cluster.front()
			.accessLog()
			.stream()
			.filter((r) -> r.method().equals(method) && (path == null || r.path().equals(path)))
			.map(Front.Request::port)
			.collect(Collectors.toSet());
	}

	private static Set<Integer> ports(List<ServiceProcess> replicas) {
		return replicas.stream().map((replica) -> replica.service().port()).collect(Collectors.toSet());
	}

	private long count(String sql) {
		return this.cluster.jdbc().sql(sql).query(Long.class).single();
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static String cookie(String sessionId) {
		return "video_session=" + sessionId;
	}

	private static HttpRequest.BodyPublisher credentials(String name) {
		return HttpRequest.BodyPublishers
			.ofString("{\"user_name\":\"" + name + "\",\"pwd\":\"" + WebUiTests.PASSWORD + "\"}");
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

	/** Compares without printing megabytes of bytes. */
	static void assertSameBytes(byte @Nullable [] actual, byte[] expected) {
		assertThat(actual).as("stored or answered bytes").isNotNull();
		assertThat(Arrays.mismatch(actual, expected))
			.as("the first byte that differs (of %d, %d)", actual.length, expected.length)
			.isEqualTo(-1);
	}

	static byte[] clip() {
		try (InputStream in = ClusterScenarios.class.getResourceAsStream("/clip.mp4")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The test clip and a {@code free} box of random bytes: a valid MP4 of {@code size}.
	 */
	static byte[] paddedClip(int size, long seed) {
		byte[] clip = clip();
		byte[] padding = new byte[size - clip.length - 8];
		new Random(seed).nextBytes(padding);
		return ByteBuffer.allocate(size)
			.put(clip)
			.putInt(size - clip.length)
			.put(new byte[] { 'f', 'r', 'e', 'e' })
			.put(padding)
			.array();
	}

}
