package io.videoserver.stream.tus;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import io.videoserver.shared.VideoId;
import io.videoserver.stream.store.VideoStore;
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
class TusPublicationFailureTests extends TusUploadTest {

	@MockitoSpyBean
	private VideoStore videos;

	@Autowired
	private DataSource dataSource;

	@Test
	void aStoreFailureLeavesTheUploadResumable() throws Exception {
		doThrow(new IOException("No space left on device")).doCallRealMethod()
			.when(this.videos)
			.publish(eq(new VideoId(this.owner.vid())), any());
		byte[] video = mp4(60_000, 1);
		String location = failLastChunk(video);
		assertThat(isStored(this.owner.vid())).isFalse();
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
				statement.executeQuery("SELECT id FROM users WHERE login_name = '" + this.owner.user() + "' FOR UPDATE")
					.close();
				statement.executeQuery("SELECT id FROM video_info WHERE id = '" + this.owner.vid() + "' FOR UPDATE")
					.close();
				failLastChunk(location, video);
			}
			finally {
				holder.rollback();
			}
		}
		assertThat(isStored(this.owner.vid())).isFalse();
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
		assertThat(isStored(this.owner.vid())).isFalse();
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
		byte[] before = isStored(this.owner.vid()) ? storedFile(this.owner.vid()) : null;
		HttpResponse<String> last = send(
				patch(location, other.length - 1, new byte[] { other[other.length - 1] }).build());
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(storedFile(this.owner.vid())).isEqualTo(other);
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
		assertThat(send(patch(location, 0, Arrays.copyOf(video, 50_000)).build()).statusCode()).isEqualTo(204);
		return location;
	}

	private String failLastChunk(String location, byte[] video) throws Exception {
		HttpResponse<String> failed = send(
				patch(location, 50_000, Arrays.copyOfRange(video, 50_000, video.length)).build());
		assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
		assertThat(failed.body()).contains("\"error_code\":\"");
		HttpResponse<String> head = head(location);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length - 1));
		assertThat(fileSize()).isEqualTo(-1L);
		return location;
	}

	private void resendLastByte(String location, byte[] video) throws Exception {
		HttpResponse<String> last = send(
				patch(location, video.length - 1, new byte[] { video[video.length - 1] }).build());
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(last.headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length));
		assertThat(storedFile(this.owner.vid())).isEqualTo(video);
		assertThat(fileSize()).isEqualTo(video.length);
		assertThat(head(location).headers().firstValue("Upload-Offset")).hasValue(Long.toString(video.length));
		assertThat(data(location)).doesNotExist();
	}

	private static Path data(String location) {
		return VIDEO_DIR.resolve(".tus").resolve(id(location) + ".bin");
	}

}
