package io.videoserver.api.web;

import java.net.http.HttpResponse;

import io.videoserver.api.Api;
import io.videoserver.api.Http;
import io.videoserver.shared.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no trusted proxies configured (the default), forwarded headers are the client's
 * own claims, even from a loopback or private peer, and change nothing: not the client
 * address of the login throttle, not the origin of the CSRF check, not the cookie.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.login.max-failures-per-account-and-client=3",
				"video.login.max-failures-per-account=10", "video.login.window=1h" })
@Import(TestDatabase.class)
class UntrustedProxyTests {

	@LocalServerPort
	private int port;

	private Http http;

	@BeforeEach
	void connect() {
		this.http = new Http(this.port);
	}

	@Test
	void aForwardedForFromAnUntrustedPeerIsIgnored() {
		String name = Api.uniqueName("spoof");
		this.http.register(name);
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.logIn(name, "wrong guess " + i, "198.51.100." + i).statusCode()).isEqualTo(401);
		}
		assertThat(this.http.logIn(name, Api.PASSWORD, "198.51.100.50").statusCode()).isEqualTo(429);
	}

	@Test
	void aForwardedSchemeAndHostFromAnUntrustedPeerDoNotMakeAnotherOriginOurOwn() {
		String name = Api.uniqueName("proto");
		String session = this.http.register(name);
		String[] forwarded = { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "site.example" };
		assertThat(this.http.createVideo(name, session, "https://site.example", forwarded).statusCode()).isEqualTo(403);
		assertThat(this.http.createVideo(name, session, "http://127.0.0.1:" + this.port, forwarded).statusCode())
			.isEqualTo(201);
		HttpResponse<String> login = this.http.send("POST", "/user/" + name, Api.credentials(name, Api.PASSWORD),
				forwarded);
		assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
	}

	@Test
	void anotherPortOrSchemeOfThisHostIsAnotherOrigin() {
		String name = Api.uniqueName("port");
		String session = this.http.register(name);
		assertThat(this.http.createVideo(name, session, "http://127.0.0.1:" + (this.port + 1)).statusCode())
			.isEqualTo(403);
		assertThat(this.http.createVideo(name, session, "https://127.0.0.1:" + this.port).statusCode()).isEqualTo(403);
		assertThat(this.http.createVideo(name, session, "http://127.0.0.1:" + this.port).statusCode()).isEqualTo(201);
		assertThat(this.http
			.send("POST", "/user/" + name + "/videos", "{\"name\":\"cats\"}", "X-Session-Id", session, "X-User-Name",
					name)
			.statusCode()).isEqualTo(201);
	}

}
