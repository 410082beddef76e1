package io.videoserver.launcher.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/front/routes.conf, the one public host's routing that compose's front and the
 * multi-replica e2e test include, read as a table: each location (an nginx prefix, or
 * {@code = path} for an exact one, with a trailing {@code *} when the prefix is taken off
 * before the request goes on) to the service that answers it.
 */
record FrontRoutes(Map<String, String> routes) {

	private static final Pattern LOCATION = Pattern
		.compile("(?m)^location (=\\s*)?(\\S+) \\{\\s*\\n\\s*proxy_pass http://(api|stream)(/?);");

	static FrontRoutes load() {
		return parse(Project.read(Project.ROOT.resolve("deploy/front/routes.conf")));
	}

	static FrontRoutes parse(String text) {
		Map<String, String> routes = new LinkedHashMap<>();
		Matcher matcher = LOCATION.matcher(text);
		while (matcher.find()) {
			String location = ((matcher.group(1) != null) ? "= " : "") + matcher.group(2)
					+ (matcher.group(4).isEmpty() ? "" : "*");
			routes.put(location, matcher.group(3) + "-service");
		}
		return new FrontRoutes(routes);
	}

	/** The nginx setting of the stream-service's routes, e.g. client_max_body_size. */
	static String streamSetting(String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + " (\\S+);")
			.matcher(Project.read(Project.ROOT.resolve("deploy/front/video-stream-proxy.conf")));
		return matcher.find() ? matcher.group(1) : "";
	}

}
