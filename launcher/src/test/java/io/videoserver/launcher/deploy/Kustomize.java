package io.videoserver.launcher.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.fail;

/**
 * Renders a kustomization exactly as {@code kubectl apply -k} would, so the tests check
 * what a cluster would receive; no cluster is needed. Without kubectl the tests fail,
 * unless {@code VIDEO_SKIP_K8S_RENDER=true} says to skip them (CI never sets it).
 */
final class Kustomize {

	private Kustomize() {
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> render(Path dir) {
		String kubectl = findKubectl();
		try {
			Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false)
				.start();
			byte[] out = readAll(process.getInputStream());
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				fail("kubectl kustomize " + dir + " failed: " + err);
			}
			List<Map<String, Object>> objects = new ArrayList<>();
			for (Object document : new Yaml().loadAll(new String(out, StandardCharsets.UTF_8))) {
				if (document != null) {
					objects.add((Map<String, Object>) document);
				}
			}
			return objects;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + kubectl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		in.transferTo(buffer);
		return buffer.toByteArray();
	}

	private static String findKubectl() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "kubectl");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		Assumptions.assumeFalse("true".equals(System.getenv("VIDEO_SKIP_K8S_RENDER")),
				"VIDEO_SKIP_K8S_RENDER=true: Kubernetes manifests not rendered");
		return fail("kubectl 1.21+ (kustomize 4+) is needed to render k8s/: install it, "
				+ "or set VIDEO_SKIP_K8S_RENDER=true to skip these tests");
	}

}
