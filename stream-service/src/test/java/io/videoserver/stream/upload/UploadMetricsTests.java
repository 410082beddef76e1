package io.videoserver.stream.upload;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload byte counters on the Prometheus endpoint: a stored upload counts as received
 * and as stored, a refused one only as received.
 */
class UploadMetricsTests extends StreamIntegrationTest {

	@Test
	void storedAndRefusedUploadsAreCounted() throws Exception {
		String user = uniqueName("counted");
		String session = createSession(user, false);
		String vid = createVideo(createUser(user));
		double received = counter("video_upload_received_bytes_total");
		double stored = counter("video_upload_stored_bytes_total");

		assertThat(send(put(vid, mp4(5_000, 1), session, user).build()).statusCode()).isEqualTo(201);
		assertThat(counter("video_upload_received_bytes_total") - received).isEqualTo(5_000);
		assertThat(counter("video_upload_stored_bytes_total") - stored).isEqualTo(5_000);

		// received, checked, refused
		byte[] truncated = Arrays.copyOf(mp4(3_001, 2), 3_000);
		assertThat(send(put(vid, truncated, session, user).build()).statusCode()).isEqualTo(415);
		assertThat(counter("video_upload_received_bytes_total") - received).isEqualTo(8_000);
		assertThat(counter("video_upload_stored_bytes_total") - stored).isEqualTo(5_000);
	}

	private double counter(String name) throws Exception {
		String text = send(HttpRequest.newBuilder(managementUri("/actuator/prometheus")).build()).body();
		Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(text);
		assertThat(value.find()).as(name + " in\n" + text).isTrue();
		return Double.parseDouble(value.group(1));
	}

}
