package io.videoserver.stream.playback;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy on playback, on a real port: a private video's MP4 and HLS files answer 404/006
 * to anyone but its owner's session (cookie or the original's header pair), GET and HEAD
 * alike; unlisted and public ones play for anyone.
 */
class PrivatePlaybackIntegrationTests extends StreamIntegrationTest {

	private static final String VERSION = "p7q2";

	private static final byte[] VIDEO = mp4(8 * 1024, 81);

	private static final byte[] SEGMENT = mp4(4 * 1024, 82);

	@Test
	void privateVideoIsNotFoundForAnonymousViewers() throws Exception {
		Owner owner = video("private");
		for (String path : paths(owner.vid())) {
			assertNotFound(get(path));
			assertNotFound(head(path));
			assertNotFound(get(path).header("Range", "bytes=0-99"));
		}
	}

	@Test
	void privateVideoIsNotFoundForAnotherUser() throws Exception {
		Owner owner = video("private");
		String other = uniqueName("other");
		createUser(other);
		String session = createSession(other, false);
		for (String path : paths(owner.vid())) {
			assertNotFound(get(path).header("Cookie", "video_session=" + session));
			assertNotFound(head(path).header("Cookie", "video_session=" + session));
			assertNotFound(get(path).header("X-Session-Id", session).header("X-User-Name", other));
			assertNotFound(head(path).header("X-Session-Id", session).header("X-User-Name", other));
		}
	}

	@Test
	void ownersHeadersNamingAnotherUserOrAnExpiredSessionAreRefused() throws Exception {
		Owner owner = video("private");
		String expired = createSession(owner.user(), true);
		for (String path : paths(owner.vid())) {
			assertNotFound(get(path).header("X-Session-Id", owner.session()).header("X-User-Name", "someone-else"));
			assertNotFound(get(path).header("Cookie", "video_session=" + expired));
			assertNotFound(get(path).header("X-Session-Id", "not-a-session").header("X-User-Name", owner.user()));
		}
	}

	@Test
	void ownerPlaysWithTheCookie() throws Exception {
		Owner owner = video("private");
		String cookie = "video_session=" + owner.session();
		assertPlays(owner, (builder) -> builder.header("Cookie", cookie));
	}

	@Test
	void ownerPlaysWithTheOriginalsHeaders() throws Exception {
		Owner owner = video("private");
		assertPlays(owner,
				(builder) -> builder.header("X-Session-Id", owner.session()).header("X-User-Name", owner.user()));
	}

	@Test
	void unlistedVideoPlaysForAnyone() throws Exception {
		Owner owner = video("unlisted");
		assertPlays(owner, (builder) -> builder);
	}

	@Test
	void publicVideoPlaysForAnyone() throws Exception {
		Owner owner = video("public");
		assertPlays(owner, (builder) -> builder);
	}

	@Test
	void aPrivacyChangeReachesPlaybackWithinTheCacheBound() throws Exception {
		Owner owner = video("private");
		String path = "/videos/" + owner.vid();
		assertNotFound(get(path));
		this.jdbc.sql("UPDATE video_info SET privacy = 'public' WHERE id = :vid").param("vid", owner.vid()).update();
		long changed = System.nanoTime();
		int status = 404;
		while (status == 404 && System.nanoTime() - changed < PlaybackAccess.CACHE_TTL.plusSeconds(3).toNanos()) {
			status = send(get(path)).statusCode();
			Thread.sleep(100);
		}
		assertThat(status).isEqualTo(200);
		assertThat(java.time.Duration.ofNanos(System.nanoTime() - changed))
			.isLessThan(PlaybackAccess.CACHE_TTL.plusSeconds(1));
	}

	@Test
	void unknownPrivacyValueFailsClosed() throws Exception {
		Owner owner = video("secret");
		assertNotFound(get("/videos/" + owner.vid()));
	}

	@Test
	void fileWithoutARowPlaysAsBefore() throws Exception {
		String vid = io.videoserver.shared.VideoIds.newId();
		storeFile(vid, VIDEO);
		assertThat(send(get("/videos/" + vid)).statusCode()).isEqualTo(200);
	}

	private void assertPlays(Owner owner, java.util.function.UnaryOperator<HttpRequest.Builder> credentials)
			throws Exception {
		String mp4 = "/videos/" + owner.vid();
		HttpResponse<byte[]> whole = send(credentials.apply(get(mp4)));
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(VIDEO);
		HttpResponse<byte[]> range = send(credentials.apply(get(mp4).header("Range", "bytes=100-199")));
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 100, 200));
		HttpResponse<byte[]> head = send(credentials.apply(head(mp4)));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(VIDEO.length));
		String segment = hls(owner.vid());
		HttpResponse<byte[]> hls = send(credentials.apply(get(segment)));
		assertThat(hls.statusCode()).isEqualTo(200);
		assertThat(hls.body()).isEqualTo(SEGMENT);
		HttpResponse<byte[]> hlsRange = send(credentials.apply(get(segment).header("Range", "bytes=10-19")));
		assertThat(hlsRange.statusCode()).isEqualTo(206);
		assertThat(send(credentials.apply(head(segment))).statusCode()).isEqualTo(200);
	}

	/**
	 * A video of a new owner with the given privacy, its MP4 and one HLS segment stored.
	 */
	private Owner video(String privacy) throws Exception {
		Owner owner = seedOwner("private");
		this.jdbc.sql("UPDATE video_info SET privacy = :privacy WHERE id = :vid")
			.param("privacy", privacy)
			.param("vid", owner.vid())
			.update();
		storeFile(owner.vid(), VIDEO);
		storeFile(owner.vid() + ".hls/" + VERSION + "/r360-00001.m4s", SEGMENT);
		return owner;
	}

	private static String[] paths(String vid) {
		return new String[] { "/videos/" + vid, hls(vid) };
	}

	private static String hls(String vid) {
		return "/videos/" + vid + "/hls/" + VERSION + "/r360-00001.m4s";
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpRequest.Builder head(String path) {
		return HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody());
	}

	private void assertNotFound(HttpRequest.Builder builder) throws Exception {
		HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(builder.build().method() + " " + builder.build().uri()).isEqualTo(404);
		if (!"HEAD".equals(builder.build().method())) {
			assertThat(response.body()).contains("\"error_code\":\"006\"");
		}
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws Exception {
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
