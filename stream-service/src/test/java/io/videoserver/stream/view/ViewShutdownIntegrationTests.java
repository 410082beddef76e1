package io.videoserver.stream.view;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.videoserver.stream.StreamApplication;
import io.videoserver.stream.StreamIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole services on one database, as two replicas behind a balancer: the same viewer
 * played on both counts once, and closing the second (a clean shutdown, its flush
 * interval far away) writes the views it still held in memory.
 */
class ViewShutdownIntegrationTests extends StreamIntegrationTest {

	@Autowired
	private JdbcConnectionDetails database;

	@Autowired
	private ViewCounter counter;

	@Test
	void cleanShutdownWritesPendingViewsAndReplicasCountAViewerOnce() throws Exception {
		Owner owner = seedOwner("shutdown");
		storeFile(owner.vid(), mp4(4096, 71));
		ConfigurableApplicationContext second = new SpringApplicationBuilder(StreamApplication.class).run(
				"--server.port=0", "--management.server.port=0", "--video.dir=" + VIDEO_DIR,
				"--video.rate-limit.requests-per-second=0", "--video.view.flush-interval=1h",
				"--spring.datasource.url=" + this.database.getJdbcUrl(),
				"--spring.datasource.username=" + this.database.getUsername(),
				"--spring.datasource.password=" + this.database.getPassword());
		try {
			String port = second.getEnvironment().getRequiredProperty("local.server.port");
			URI onSecond = URI.create("http://127.0.0.1:" + port + "/videos/" + owner.vid());
			assertThat(play(uri("/videos/" + owner.vid()), "same-viewer")).isEqualTo(200);
			assertThat(play(onSecond, "same-viewer")).isEqualTo(200);
			assertThat(play(onSecond, "other-viewer")).isEqualTo(200);
			this.counter.flush();
			assertThat(views(owner.vid())).as("the first replica's write").isEqualTo(1);
		}
		finally {
			second.close();
		}
		assertThat(views(owner.vid())).as("the second replica's views, written as it stopped").isEqualTo(2);
	}

	private int play(URI uri, String userAgent) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri).header("User-Agent", userAgent).GET().build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private long views(String vid) {
		return this.jdbc.sql("SELECT view_count FROM video_info WHERE id = :vid")
			.param("vid", vid)
			.query(Long.class)
			.single();
	}

}
