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
 * Behind a trusted proxy (this machine) that terminates TLS for {@code site.example}, the
 * origin the browser saw is {@code https://site.example}: pages of it may change things,
 * the same host over http or on another port may not, and cookies are Secure.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.trusted-proxies=127.0.0.0/8" })
@Import(TestDatabase.class)
class TrustedProxyTests {

	private static final String[] TLS_PROXY = { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "site.example",
			"X-Forwarded-For", "198.51.100.20" };

	@LocalServerPort
	private int port;

	private Http http;

	@BeforeEach
	void connect() {
		this.http = new Http(this.port);
	}

	@Test
	void theOriginTheBrowserSawPassesAndOtherSchemesAndPortsDoNot() {
		String name = Api.uniqueName("behind");
		String session = this.http.register(name);
		assertThat(this.http.createVideo(name, session, "https://site.example", TLS_PROXY).statusCode()).isEqualTo(201);
		assertThat(this.http.createVideo(name, session, "https://site.example:443", TLS_PROXY).statusCode())
			.isEqualTo(201);
		assertThat(this.http.createVideo(name, session, "http://site.example", TLS_PROXY).statusCode()).isEqualTo(403);
		assertThat(this.http.createVideo(name, session, "https://site.example:8443", TLS_PROXY).statusCode())
			.isEqualTo(403);
		assertThat(this.http.createVideo(name, session, "http://127.0.0.1:" + this.port, TLS_PROXY).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theCookieIsSecureBehindATlsProxy() {
		String name = Api.uniqueName("secure");
		this.http.register(name);
		HttpResponse<String> login = this.http.send("POST", "/user/" + name, Api.credentials(name, Api.PASSWORD),
				TLS_PROXY);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
	}

}
