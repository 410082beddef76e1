package io.videoserver.scheduler.queue;

import java.io.IOException;
import java.util.stream.Stream;

import io.videoserver.shared.testdb.TestDatabase;
import io.videoserver.shared.testhttp.HostileValues;
import io.videoserver.shared.testhttp.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue endpoint, with the right token, given traversal- and injection-looking ids
 * sent raw: each answers a client error in the legacy shape and queues nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.internal-token=s3cret-token", "video.scheduler.interval=1h" })
@Import(TestDatabase.class)
class HostileIdTests {

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	static Stream<String[]> cases() {
		return Stream.of("GET", "POST")
			.flatMap((method) -> HostileValues.PATH_SEGMENTS.stream().map((id) -> new String[] { method, id }));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("cases")
	void hostileIdsAnswerAClientErrorBodyAndQueueNothing(String method, String id) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port, method, "/video-delete-record/" + id,
				"Authorization: Bearer s3cret-token\r\n", "");
		assertThat(response.status()).as(method + " " + id).isBetween(400, 499);
		assertThat(response.text()).as(method + " " + id)
			.contains("\"error_code\":\"")
			.doesNotContain("X-Injected")
			.doesNotContain("Exception");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec").query(Integer.class).single()).isZero();
	}

}
