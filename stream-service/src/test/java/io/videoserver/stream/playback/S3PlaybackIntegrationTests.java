package io.videoserver.stream.playback;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.videoserver.stream.S3Store;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playback contract of {@link PlaybackIntegrationTests} with the videos in S3 (the
 * test S3 server).
 */
@S3Store
class S3PlaybackIntegrationTests extends PlaybackIntegrationTests {

	@Autowired
	private Transfers transfers;

	@Test
	void bytesComeFromTheBucketNotFromALocalFile() throws Exception {
		long streamed = this.transfers.sent(Transfers.Kind.STREAM);
		long local = this.transfers.sent(Transfers.Kind.ZERO_COPY) + this.transfers.sent(Transfers.Kind.COPY);
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(uri("/videos/" + VID)).header("Range", "bytes=0-99999").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(206);
		assertThat(this.transfers.sent(Transfers.Kind.STREAM)).isEqualTo(streamed + 1);
		assertThat(this.transfers.sent(Transfers.Kind.ZERO_COPY) + this.transfers.sent(Transfers.Kind.COPY))
			.isEqualTo(local);
	}

}
