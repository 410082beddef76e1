package io.videoserver.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service's readiness probe whether it takes traffic, the signal the launcher and
 * the tests wait for before they send any.
 */
final class ReadinessProbe {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ReadinessProbe() {
	}

	/** Whether the service answers 200 on its readiness probe now. */
	static boolean isReady(Service service) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(service.readinessUrl()))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
