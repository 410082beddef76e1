package io.videoserver.stream.tus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import io.videoserver.shared.VideoId;
import io.videoserver.stream.StreamIntegrationTest;
import io.videoserver.stream.store.VideoStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

/**
 * A resumable upload whose publication fails (the store, the database, a lock wait) is
 * never reported complete: the failing PATCH answers an error, HEAD answers one byte
 * short of the length, and the client's retry of that byte publishes the video. HEAD
 * itself never publishes. The service's connections wait at most a second for a row lock
 * here, so that a lock timeout can be provoked.
 */
@TestPropertySource(
		properties = "spring.datasource.hikari.connection-init-sql=SET SESSION innodb_lock_wait_timeout = 1")
class TusPublicationFailureTests extends StreamIntegrationTest {

	@MockitoSpyBean
	private VideoStore videos;

	@Autowired
	private DataSource dataSource;

	private String user;

	private long userId;

	private String session;

	private String vid;

	@BeforeEach
	void seed() {
		this.user = uniqueName("failing");
		this.userId = createUser(this.user);
		this.vid = createVideo(this.userId);
		this.session = createSession(this.user, false);
	}

	@Test
	void aStoreFailureLeavesTheUploadResumable() throws Exception {
		doThrow(new IOException("No space left on device")).doCallRealMethod()
			.when(this.videos)
			.publish(eq(new VideoId(this.vid)), any());
		byte[] video = mp4(60_000, 1);
		String location = failLastChunk(video);
		assertThat(isStored(this.vid)).isFalse();
		resendLastByte(location, video);
	}

	@Test
	void aDatabaseFailureLeavesTheUploadResumable() throws Exception {
		byte[] video = mp4(60_000, 2);
		this.jdbc.sql("""
				CREATE TRIGGER fail_upload BEFORE UPDATE ON video_info FOR EACH ROW
				SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'""").update();
		String location;
		try {
			location = failLastChunk(video);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER fail_upload").update();
		}
		resendLastByte(location, video);
	}

	@Test
	void aLockTimeoutLeavesTheUploadResumable() throws Exception {
		byte[] video = mp4(60_000, 3);
		String location = startUpload(video);
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.executeQuery("SELECT id FROM users WHERE id = " + this.userId + " FOR UPDATE").close();
				statement.executeQuery("SELECT id FROM video_info WHERE id = '" + this.vid + "' FOR UPDATE").close();
				failLastChunk(location, video);
			}
			finally {
				holder.rollback();
			}
		}
		assertThat(isStored(this.vid)).isFalse();
		resendLastByte(location, video);
	}

	@Test
	void headDoesNotPublishAnUploadWhoseLastByteArrivedBeforeACrash() throws Exception {
		byte[] video = mp4(60_000, 4);
		String location = location(video.length);
		// as the last PATCH leaves the file when the service dies before publishing
		Files.write(data(location), video);
		HttpResponse<String> head = head(location);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length - 1));
		assertThat(isStored(this.vid)).isFalse();
		assertThat(fileSize()).isEqualTo(-1L);
		resendLastByte(location, video);
	}

	@Test
	void aRetriedLastByteDoesNotWriteIntoThePublishedFile() throws Exception {
		byte[] video = mp4(60_000, 5);
		this.jdbc.sql("""
				CREATE TRIGGER fail_record BEFORE UPDATE ON video_info FOR EACH ROW
				SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'""").update();
		String location;
		try {
			location = failLastChunk(video);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER fail_record").update();
		}
		byte[] other = video.clone();
		other[other.length - 1] ^= 1;
		// a client whose last byte differs on its retry: the upload takes it, and a
		// file published before through a link to the upload's bytes keeps its own
		byte[] before = isStored(this.vid) ? storedFile(this.vid) : null;
		HttpResponse<String> last = send(patch(location, other.length - 1, new byte[] { other[other.length - 1] }));
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(storedFile(this.vid)).isEqualTo(other);
		if (before != null) {
			assertThat(before).isEqualTo(video);
		}
	}

	/**
	 * Sends the whole video but its last byte, then that byte, whose publication must
	 * fail; checks that the upload is not reported complete.
	 */
	private String failLastChunk(byte[] video) throws Exception {
		return failLastChunk(startUpload(video), video);
	}

	private String startUpload(byte[] video) throws Exception {
		String location = location(video.length);
		assertThat(send(patch(location, 0, Arrays.copyOf(video, 50_000))).statusCode()).isEqualTo(204);
		return location;
	}

	private String failLastChunk(String location, byte[] video) throws Exception {
		HttpResponse<String> failed = send(patch(location, 50_000, Arrays.copyOfRange(video, 50_000, video.length)));
		assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
		assertThat(failed.body()).contains("\"error_code\":\"");
		HttpResponse<String> head = head(location);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length - 1));
		assertThat(fileSize()).isEqualTo(-1L);
		return location;
	}

	private void resendLastByte(String location, byte[] video) throws Exception {
		HttpResponse<String> last = send(patch(location, video.length - 1, new byte[] { video[video.length - 1] }));
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(last.headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length));
		assertThat(storedFile(this.vid)).isEqualTo(video);
		assertThat(fileSize()).isEqualTo(video.length);
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length));
		assertThat(data(location)).doesNotExist();
	}

	private String location(long length) throws Exception {
		HttpResponse<String> created = send(authorized(HttpRequest.newBuilder(uri("/tus/videos/" + this.vid)))
			.header("Upload-Length", Long.toString(length))
			.POST(BodyPublishers.noBody())
			.build());
		assertThat(created.statusCode()).isEqualTo(201);
		return created.headers().firstValue("Location").orElseThrow();
	}

	private HttpRequest patch(String location, long offset, byte[] chunk) {
		return authorized(HttpRequest.newBuilder(URI.create(location)))
			.header("Content-Type", TusController.OFFSET_STREAM)
			.header("Upload-Offset", Long.toString(offset))
			.method("PATCH", BodyPublishers.ofByteArray(chunk))
			.build();
	}

	private HttpResponse<String> head(String location) throws Exception {
		return send(authorized(HttpRequest.newBuilder(URI.create(location))).method("HEAD", BodyPublishers.noBody())
			.build());
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return request.header("Tus-Resumable", "1.0.0")
			.header("X-Session-Id", this.session)
			.header("X-User-Name", this.user);
	}

	private static Path data(String location) {
		return VIDEO_DIR.resolve(".tus").resolve(location.substring(location.lastIndexOf('/') + 1) + ".bin");
	}

	private long fileSize() {
		return this.jdbc.sql("SELECT COALESCE(file_size, -1) FROM video_info WHERE id = :vid")
			.param("vid", this.vid)
			.query(Long.class)
			.single();
	}

}
