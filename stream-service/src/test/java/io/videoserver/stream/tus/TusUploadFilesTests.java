package io.videoserver.stream.tus;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.videoserver.shared.VideoIds;
import io.videoserver.stream.TestStreamProperties;
import io.videoserver.stream.store.LocalVideoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TusUploadFilesTests {

	@TempDir
	Path dir;

	@Test
	void aRestartedServiceSeesTheUploadAndTheBytesOnDisk() throws Exception {
		String vid = VideoIds.newId();
		TusUpload upload = store().create(vid, "maria", 10_000, "filename Y2xpcC5tcDQ=");
		long offset = ChunkWriter.append(store().data(upload), 0, 10_000, new ByteArrayInputStream(new byte[4096]),
				null);

		TusUploadFiles restarted = store();
		TusUpload found = restarted.find(upload.id()).orElseThrow();
		assertThat(found).isEqualTo(upload);
		assertThat(restarted.offset(found)).isEqualTo(offset).isEqualTo(4096);
		assertThat(restarted.isCompleted(found)).isFalse();
	}

	@Test
	void expiredUploadsAreGoneAndRemovedWithTheirBytes() throws Exception {
		TusUploadFiles store = store();
		TusUpload old = store.create(VideoIds.newId(), "maria", 10_000, null);
		TusUpload fresh = store.create(VideoIds.newId(), "maria", 10_000, null);
		FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(25)));
		Files.setLastModifiedTime(store.data(old), longAgo);
		Files.setLastModifiedTime(this.dir.resolve(".tus").resolve(old.id() + ".info"), longAgo);

		assertThat(store.find(old.id())).isEmpty();
		assertThat(store.find(fresh.id())).isPresent();
		assertThat(store.removeExpired(Instant.now())).hasSize(1);
		assertThat(store.data(old)).doesNotExist();
		assertThat(this.dir.resolve(".tus").resolve(old.id() + ".info")).doesNotExist();
		assertThat(store.data(fresh)).exists();
		assertThat(store.removeExpired(Instant.now().plus(Duration.ofHours(25)))).hasSize(1);
		assertThat(store.data(fresh)).doesNotExist();
	}

	@Test
	void bytesArrivingKeepAnUploadAlive() throws Exception {
		TusUploadFiles store = store();
		TusUpload upload = store.create(VideoIds.newId(), "maria", 10_000, null);
		FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(25)));
		Files.setLastModifiedTime(this.dir.resolve(".tus").resolve(upload.id() + ".info"), longAgo);
		Files.setLastModifiedTime(store.data(upload), longAgo);
		ChunkWriter.append(store.data(upload), 0, 10_000, new ByteArrayInputStream(new byte[10]), null);
		assertThat(store.find(upload.id())).isPresent();
		assertThat(store.expires(upload.id())).isAfter(Instant.now().plus(Duration.ofHours(23)));
	}

	@Test
	void aCompleteButUnpublishedUploadIsOneByteShortUntilItsBytesGo() throws Exception {
		TusUploadFiles store = store();
		TusUpload upload = store.create(VideoIds.newId(), "maria", 100, null);
		Files.write(store.data(upload), new byte[100]);
		assertThat(store.offset(upload)).isEqualTo(99);
		assertThat(store.isCompleted(upload)).isFalse();
		store.completed(upload);
		assertThat(store.offset(upload)).isEqualTo(100);
		assertThat(store.isCompleted(upload)).isTrue();
	}

	@Test
	void rewindingLeavesAFileLinkedToTheOldBytesAsItWas() throws Exception {
		TusUploadFiles store = store();
		TusUpload upload = store.create(VideoIds.newId(), "maria", 100, null);
		byte[] bytes = new byte[100];
		Arrays.fill(bytes, (byte) 7);
		Files.write(store.data(upload), bytes);
		Path published = Files.createLink(this.dir.resolve("published"), store.data(upload));
		store.rewind(upload, 99);
		assertThat(Files.size(store.data(upload))).isEqualTo(99);
		assertThat(Files.readAllBytes(published)).isEqualTo(bytes);
		store.rewind(upload, 99);
		assertThat(Files.readAllBytes(store.data(upload))).isEqualTo(Arrays.copyOf(bytes, 99));
	}

	@Test
	void idsThatAreNotOursFindNothing() throws Exception {
		assertThat(store().find("../../etc/passwd")).isEmpty();
		assertThat(store().find("0123456789abcdef0123456789abcdef")).isEmpty();
		assertThat(TusUploadFiles.isId("0123456789ABCDEF0123456789abcdef")).isFalse();
	}

	private TusUploadFiles store() {
		return new TusUploadFiles(new LocalVideoStore(this.dir), TestStreamProperties.local(this.dir));
	}

}
