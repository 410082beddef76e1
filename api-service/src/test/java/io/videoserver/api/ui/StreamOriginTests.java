package io.videoserver.api.ui;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamOriginTests {

	@Test
	void emptySettingMeansThePageHostOnPort9000() {
		assertThat(origin("").forRequest(request("https", "videos.example"))).isEqualTo("https://videos.example:9000");
	}

	@Test
	void configuredUrlIsUsedAsIsForOtherHosts() {
		assertThat(origin("https://stream.example/").forRequest(request("https", "videos.example")))
			.isEqualTo("https://stream.example");
	}

	@Test
	void configuredLoopbackUrlFollowsTheLoopbackNameOfThePageSoTheCookieIsSent() {
		StreamOrigin origin = origin("http://localhost:9100");
		assertThat(origin.forRequest(request("http", "127.0.0.1"))).isEqualTo("http://127.0.0.1:9100");
		assertThat(origin.forRequest(request("http", "localhost"))).isEqualTo("http://localhost:9100");
	}

	@Test
	void originLeavesOutThePath() {
		assertThat(origin("https://videos.example/stream").originForRequest(request("https", "videos.example")))
			.isEqualTo("https://videos.example");
	}

	@Test
	void aPathMeansThePageOwnHostBehindTheSingleFront() {
		StreamOrigin origin = origin("/stream/");
		MockHttpServletRequest behindTls = request("https", "videos.example");
		behindTls.setServerPort(443);
		assertThat(origin.forRequest(behindTls)).isEqualTo("https://videos.example/stream");
		MockHttpServletRequest onAPort = request("http", "127.0.0.1");
		onAPort.setServerPort(8080);
		assertThat(origin.forRequest(onAPort)).isEqualTo("http://127.0.0.1:8080/stream");
		assertThat(origin.originForRequest(onAPort)).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void aSettingThatIsNotAnHttpUrlIsRejectedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UiProperties("localhost:9000"));
		assertThatIllegalArgumentException().isThrownBy(() -> new UiProperties("//stream.example"));
	}

	private static StreamOrigin origin(String url) {
		return new StreamOrigin(new UiProperties(url));
	}

	private static MockHttpServletRequest request(String scheme, String host) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setScheme(scheme);
		request.setServerName(host);
		return request;
	}

}
