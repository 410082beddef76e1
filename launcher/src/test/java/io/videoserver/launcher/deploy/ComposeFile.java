package io.videoserver.launcher.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import static io.videoserver.launcher.deploy.Project.map;
import static io.videoserver.launcher.deploy.Project.string;

/**
 * docker-compose.yml as compose tools read it with no variable set: every
 * {@code ${NAME:-default}} takes its default.
 */
record ComposeFile(Map<String, Object> services) {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");

	static ComposeFile load() {
		String text = Project.read(Project.ROOT.resolve("docker-compose.yml"));
		Map<String, Object> document = new Yaml().load(text);
		return new ComposeFile(map(document, "services"));
	}

	static String withDefaults(String value) {
		Matcher matcher = VARIABLE.matcher(value);
		return matcher.replaceAll((match) -> Matcher.quoteReplacement(match.group(1)));
	}

	Map<String, Object> service(String name) {
		return map(this.services, name);
	}

	/**
	 * The image repository (without tag) of each of the site's services, by module name.
	 * @return module name to image repository
	 */
	Map<String, String> serviceImages() {
		Map<String, String> images = new LinkedHashMap<>();
		for (String name : this.services.keySet()) {
			String module = string(map(map(service(name), "build"), "args"), "MODULE");
			if (!module.isEmpty()) {
				String image = withDefaults(string(service(name), "image"));
				images.put(module, image.substring(0, image.lastIndexOf(':')));
			}
		}
		return images;
	}

}
