package io.videoserver.launcher.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.videoserver.launcher.deploy.Project.list;
import static io.videoserver.launcher.deploy.Project.map;
import static io.videoserver.launcher.deploy.Project.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ingress of {@code kubectl apply -k k8s/} (and of the overlays): one public host
 * with TLS, routed exactly as deploy/front/routes.conf routes compose's front and the
 * multi-replica e2e test, uploads let through whole, and the web UI told to find the
 * stream-service on that host (the session cookie is host-only).
 */
class IngressTests {

	private static final Pattern STRIPPED = Pattern.compile("^(/\\w+)\\(/\\|\\$\\)\\(\\.\\*\\)$");

	private static List<Map<String, Object>> objects;

	@BeforeAll
	static void render() {
		objects = Kustomize.render(Project.ROOT.resolve("k8s"));
	}

	@Test
	void oneHostWithTlsForEveryIngress() {
		assertThat(ingresses()).isNotEmpty();
		assertThat(ingresses().stream().flatMap((i) -> hosts(i).stream()).collect(Collectors.toSet())).hasSize(1);
		for (Map<String, Object> ingress : ingresses()) {
			Map<String, Object> spec = map(ingress, "spec");
			assertThat(string(spec, "ingressClassName")).isEqualTo("nginx");
			assertThat(list(spec, "tls")).singleElement()
				.satisfies((tls) -> assertThat(list(tls, "hosts")).containsExactlyElementsOf(hosts(ingress)));
		}
	}

	@Test
	void pathsAreTheFrontsRoutingTable() {
		assertThat(routes(objects)).containsExactlyInAnyOrderEntriesOf(FrontRoutes.load().routes());
	}

	@Test
	void overlaysKeepTheIngress() {
		for (String overlay : List.of("deploy/k8s/single-node", "deploy/k8s/s3")) {
			assertThat(routes(Kustomize.render(Project.ROOT.resolve(overlay)))).as(overlay)
				.containsExactlyInAnyOrderEntriesOf(FrontRoutes.load().routes());
		}
	}

	@Test
	void s3OverlayKeepsEachBrowserOnTheNodeThatStagesItsUpload() {
		// VIDEO_STORE=s3 stages tus uploads on each node's own emptyDir
		List<Map<String, Object>> rendered = Kustomize.render(Project.ROOT.resolve("deploy/k8s/s3"));
		for (Map<String, Object> ingress : rendered) {
			if (!"Ingress".equals(ingress.get("kind"))) {
				continue;
			}
			Map<String, Object> annotations = map(map(ingress, "metadata"), "annotations");
			if (paths(ingress).stream().allMatch((p) -> backend(p).equals("stream-service"))) {
				assertThat(annotations).as(string(map(ingress, "metadata"), "name"))
					.containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
					.containsEntry("nginx.ingress.kubernetes.io/session-cookie-name", "video-stream-node")
					.containsEntry("nginx.ingress.kubernetes.io/session-cookie-path", "/");
			}
			else {
				assertThat(annotations).doesNotContainKey("nginx.ingress.kubernetes.io/affinity");
			}
		}
	}

	@Test
	void backendsArePortsOfTheServices() {
		for (Map<String, Object> ingress : ingresses()) {
			for (Map<String, Object> path : paths(ingress)) {
				Map<String, Object> backend = map(map(path, "backend"), "service");
				Map<String, Object> service = objects.stream()
					.filter((o) -> "Service".equals(o.get("kind"))
							&& string(map(o, "metadata"), "name").equals(string(backend, "name")))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no Service " + string(backend, "name")));
				assertThat(list(map(service, "spec"), "ports")).extracting((p) -> string(p, "name"))
					.contains(string(map(backend, "port"), "name"));
			}
		}
	}

	@Test
	void streamRoutesLetUploadsThroughAsTheFrontDoes() {
		for (Map<String, Object> ingress : ingresses()) {
			if (paths(ingress).stream().noneMatch((p) -> backend(p).equals("stream-service"))) {
				continue;
			}
			assertThat(paths(ingress)).allSatisfy((p) -> assertThat(backend(p)).isEqualTo("stream-service"));
			Map<String, Object> annotations = map(map(ingress, "metadata"), "annotations");
			assertThat(annotations).as(string(map(ingress, "metadata"), "name"))
				.containsEntry("nginx.ingress.kubernetes.io/proxy-body-size",
						FrontRoutes.streamSetting("client_max_body_size"))
				.containsEntry("nginx.ingress.kubernetes.io/proxy-request-buffering",
						FrontRoutes.streamSetting("proxy_request_buffering"))
				.containsEntry("nginx.ingress.kubernetes.io/proxy-buffering",
						FrontRoutes.streamSetting("proxy_buffering"))
				.containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout",
						FrontRoutes.streamSetting("proxy_read_timeout").replace("s", ""))
				.containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout",
						FrontRoutes.streamSetting("proxy_send_timeout").replace("s", ""));
		}
	}

	@Test
	void theWebUiFindsTheStreamServiceOnThePublicHost() {
		Map<String, Object> config = map(
				objects.stream().filter((o) -> "ConfigMap".equals(o.get("kind"))).findFirst().orElseThrow(), "data");
		String stripped = FrontRoutes.load()
			.routes()
			.entrySet()
			.stream()
			.filter((route) -> route.getKey().endsWith("/*") && route.getValue().equals("stream-service"))
			.map((route) -> route.getKey().substring(0, route.getKey().length() - 2))
			.findFirst()
			.orElseThrow();
		assertThat(string(config, "VIDEO_STREAM_URL")).as("a path on the page's own host").isEqualTo(stripped);
		String host = hosts(ingresses().get(0)).get(0);
		assertThat(string(config, "VIDEO_CORS_ORIGINS").split(",")).contains("https://" + host);
	}

	/** Each Ingress path in routes.conf's notation, to the service that answers it. */
	private static Map<String, String> routes(List<Map<String, Object>> rendered) {
		Map<String, String> routes = new LinkedHashMap<>();
		rendered.stream().filter((o) -> "Ingress".equals(o.get("kind"))).forEach((ingress) -> {
			Map<String, Object> annotations = map(map(ingress, "metadata"), "annotations");
			for (Map<String, Object> path : paths(ingress)) {
				String value = string(path, "path");
				String location = switch (string(path, "pathType")) {
					case "Exact" -> "= " + value;
					case "Prefix" -> value;
					default -> stripped(value, annotations);
				};
				routes.put(location, backend(path));
			}
		});
		return routes;
	}

	/** A regex path whose capture the rewrite keeps: the prefix taken off. */
	private static String stripped(String path, Map<String, Object> annotations) {
		Matcher matcher = STRIPPED.matcher(path);
		assertThat(matcher.matches()).as("a prefix taken off: %s", path).isTrue();
		assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/use-regex", "true")
			.containsEntry("nginx.ingress.kubernetes.io/rewrite-target", "/$2");
		return matcher.group(1) + "/*";
	}

	private static List<Map<String, Object>> ingresses() {
		return objects.stream().filter((o) -> "Ingress".equals(o.get("kind"))).toList();
	}

	private static List<String> hosts(Map<String, Object> ingress) {
		return list(map(ingress, "spec"), "rules").stream().map((r) -> string(r, "host")).distinct().toList();
	}

	private static List<Map<String, Object>> paths(Map<String, Object> ingress) {
		return list(map(ingress, "spec"), "rules").stream()
			.flatMap((r) -> list(map(r, "http"), "paths").stream())
			.map(Project::asMap)
			.toList();
	}

	private static String backend(Map<String, Object> path) {
		return string(map(map(path, "backend"), "service"), "name");
	}

}
