package io.videoserver.stream.tus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import io.videoserver.shared.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChunkWriterTests {

	@TempDir
	Path dir;

	@Test
	void aClientThatBreaksOffKeepsWhatArrived() throws Exception {
		Path file = Files.write(this.dir.resolve("a.bin"), new byte[100]);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ChunkWriter.append(file, 100, 10_000, brokenAfter(3000), null));
		assertThat(Files.size(file)).isEqualTo(3100);
	}

	@Test
	void aChunkThatAChecksumMustCoverIsCutOffWhenTheClientBreaksOff() throws Exception {
		Path file = Files.write(this.dir.resolve("b.bin"), new byte[100]);
		UploadChecksum checksum = UploadChecksum.parse("sha1 " + sha1(new byte[3000]));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ChunkWriter.append(file, 100, 10_000, brokenAfter(3000), checksum));
		assertThat(Files.size(file)).isEqualTo(100);
	}

	@Test
	void aMatchingChecksumKeepsTheChunkAndAWrongOneDiscardsIt() throws Exception {
		Path file = Files.write(this.dir.resolve("c.bin"), new byte[0]);
		byte[] chunk = new byte[5000];
		Arrays.fill(chunk, (byte) 7);
		assertThatExceptionOfType(TusException.class)
			.isThrownBy(() -> ChunkWriter.append(file, 0, 10_000, new ByteArrayInputStream(chunk),
					UploadChecksum.parse("md5 " + Base64.getEncoder().encodeToString(new byte[16]))))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(460));
		assertThat(Files.size(file)).isZero();
		assertThat(ChunkWriter.append(file, 0, 10_000, new ByteArrayInputStream(chunk),
				UploadChecksum.parse("sha1 " + sha1(chunk))))
			.isEqualTo(5000);
		assertThat(Files.readAllBytes(file)).isEqualTo(chunk);
	}

	@Test
	void aChunkBeyondTheDeclaredLengthIsCutOff() throws Exception {
		Path file = Files.write(this.dir.resolve("d.bin"), new byte[10]);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ChunkWriter.append(file, 10, 50, new ByteArrayInputStream(new byte[51]), null));
		assertThat(Files.size(file)).isEqualTo(10);
	}

	private static InputStream brokenAfter(int bytes) {
		return new InputStream() {

			private int sent;

			@Override
			public int read() throws IOException {
				if (this.sent++ >= bytes) {
					throw new IOException("connection reset");
				}
				return 1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (this.sent >= bytes) {
					throw new IOException("connection reset");
				}
				int n = Math.min(length, Math.min(1000, bytes - this.sent));
				Arrays.fill(buffer, offset, offset + n, (byte) 1);
				this.sent += n;
				return n;
			}

		};
	}

	private static String sha1(byte[] bytes) throws Exception {
		return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
	}

}
