package io.videoserver.stream.view;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views counted by playback on a real port: a start (a GET from byte 0, or the first
 * media segment of a rung) counts once per viewer and window; seeks, HEADs and later
 * segments count nothing. The counter's flush is called here instead of waiting for its
 * interval.
 */
class ViewCountingIntegrationTests extends StreamIntegrationTest {

	private static final String VERSION = "v1";

	private static final byte[] VIDEO = mp4(8 * 1024, 91);

	private static final byte[] SEGMENT = mp4(2 * 1024, 92);

	@Autowired
	private ViewCounter counter;

	@Test
	void tenRangeRequestsOfOneViewerCountOnce() throws Exception {
		String vid = video("public");
		for (int i = 0; i < 10; i++) {
			String range = (i % 2 == 0) ? "bytes=0-" : "bytes=0-" + (100 * i);
			assertThat(play(vid, "viewer-a", "Range", range).statusCode()).isEqualTo(206);
		}
		this.counter.flush();
		assertThat(views(vid)).isEqualTo(1);
		assertThat(play(vid, "viewer-a").statusCode()).isEqualTo(200);
		this.counter.flush();
		assertThat(views(vid)).as("the same viewer again after a write").isEqualTo(1);
		assertThat(viewRows(vid)).isEqualTo(1);
	}

	@Test
	void twoViewersCountTwice() throws Exception {
		String vid = video("public");
		play(vid, "viewer-a");
		play(vid, "viewer-b", "Range", "bytes=0-1023");
		this.counter.flush();
		assertThat(views(vid)).isEqualTo(2);
	}

	@Test
	void seeksHeadsAndRefusalsCountNothing() throws Exception {
		String vid = video("public");
		assertThat(play(vid, "viewer-a", "Range", "bytes=1000-1999").statusCode()).isEqualTo(206);
		assertThat(play(vid, "viewer-a", "Range", "bytes=-100").statusCode()).isEqualTo(206);
		assertThat(send(request("/videos/" + vid, "viewer-a").method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(200);
		assertThat(play(vid, "viewer-a", "Range", "bytes=99999999-").statusCode()).isEqualTo(416);
		HttpResponse<byte[]> first = play(vid, "viewer-b", "Range", "bytes=5000-");
		assertThat(
				play(vid, "viewer-b", "If-None-Match", first.headers().firstValue("ETag").orElseThrow()).statusCode())
			.isEqualTo(304);
		this.counter.flush();
		assertThat(views(vid)).isZero();
	}

	@Test
	void firstMediaSegmentCountsAndLaterOnesDoNot() throws Exception {
		String vid = video("public");
		assertThat(send(request(hls(vid, "r360-00002.m4s"), "viewer-a")).statusCode()).isEqualTo(200);
		assertThat(send(request(hls(vid, "master.m3u8"), "viewer-a")).statusCode()).isEqualTo(200);
		assertThat(send(request(hls(vid, "r360-init.mp4"), "viewer-a")).statusCode()).isEqualTo(200);
		this.counter.flush();
		assertThat(views(vid)).isZero();
		assertThat(send(request(hls(vid, "r360-00001.m4s"), "viewer-a")).statusCode()).isEqualTo(200);
		assertThat(send(request(hls(vid, "r720-00001.m4s"), "viewer-a")).statusCode()).isEqualTo(200);
		this.counter.flush();
		assertThat(views(vid)).as("two rungs' first segments of one viewer: one start").isEqualTo(1);
	}

	@Test
	void signedInViewerCountsOnceOnEveryDevice() throws Exception {
		Owner owner = seedOwner("viewer");
		String vid = video("public");
		play(vid, "phone", "Cookie", "video_session=" + owner.session());
		play(vid, "laptop", "X-Session-Id", owner.session(), "X-User-Name", owner.user());
		this.counter.flush();
		assertThat(views(vid)).isEqualTo(1);
	}

	@Test
	void ownerPlayingTheirPrivateVideoCounts() throws Exception {
		Owner owner = seedOwner("owner");
		this.jdbc.sql("UPDATE video_info SET privacy = 'private' WHERE id = :vid").param("vid", owner.vid()).update();
		storeFile(owner.vid(), VIDEO);
		assertThat(play(owner.vid(), "viewer-a").statusCode()).isEqualTo(404);
		assertThat(play(owner.vid(), "viewer-a", "Cookie", "video_session=" + owner.session()).statusCode())
			.isEqualTo(200);
		this.counter.flush();
		assertThat(views(owner.vid())).isEqualTo(1);
	}

	@Test
	void theTableHoldsAHashNeverTheAddress() throws Exception {
		String vid = video("public");
		play(vid, "viewer-a");
		this.counter.flush();
		byte[] viewer = this.jdbc.sql("SELECT viewer FROM video_view WHERE video_id = :vid")
			.param("vid", vid)
			.query(byte[].class)
			.single();
		assertThat(viewer).hasSize(16).isEqualTo(Viewer.client("", "127.0.0.1", "viewer-a").bytes());
	}

	private String video(String privacy) throws Exception {
		Owner owner = seedOwner("author");
		this.jdbc.sql("UPDATE video_info SET privacy = :privacy WHERE id = :vid")
			.param("privacy", privacy)
			.param("vid", owner.vid())
			.update();
		storeFile(owner.vid(), VIDEO);
		for (String file : new String[] { "master.m3u8", "r360-init.mp4", "r360-00001.m4s", "r360-00002.m4s",
				"r720-00001.m4s" }) {
			storeFile(owner.vid() + ".hls/" + VERSION + "/" + file, SEGMENT);
		}
		return owner.vid();
	}

	private static String hls(String vid, String file) {
		return "/videos/" + vid + "/hls/" + VERSION + "/" + file;
	}

	private HttpResponse<byte[]> play(String vid, String userAgent, String... headers) throws Exception {
		HttpRequest.Builder builder = request("/videos/" + vid, userAgent);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder);
	}

	private HttpRequest.Builder request(String path, String userAgent) {
		return HttpRequest.newBuilder(uri(path)).header("User-Agent", userAgent);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws Exception {
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private long views(String vid) {
		return this.jdbc.sql("SELECT view_count FROM video_info WHERE id = :vid")
			.param("vid", vid)
			.query(Long.class)
			.single();
	}

	private long viewRows(String vid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM video_view WHERE video_id = :vid")
			.param("vid", vid)
			.query(Long.class)
			.single();
	}

}
