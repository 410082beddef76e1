package io.videoserver.launcher.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.videoserver.launcher.deploy.Project.list;
import static io.videoserver.launcher.deploy.Project.map;
import static io.videoserver.launcher.deploy.Project.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code kubectl apply -k k8s/} would send to a cluster, checked for the mistakes a
 * cluster would only show at run time: selectors that select nothing, probes on the wrong
 * port, variables no service reads, references to missing secrets, fields the schema
 * refuses (the original's DaemonSet carried {@code replicas}).
 */
class KubernetesManifestsTests {

	private static List<Map<String, Object>> objects;

	@BeforeAll
	static void render() {
		objects = Kustomize.render(Project.ROOT.resolve("k8s"));
	}

	@Test
	void everyObjectLivesInTheSystemServerNamespace() {
		assertThat(ofKind("Namespace")).singleElement()
			.satisfies((ns) -> assertThat(string(map(ns, "metadata"), "name")).isEqualTo("system-server"));
		objects.stream()
			.filter((object) -> !"Namespace".equals(object.get("kind")))
			.forEach((object) -> assertThat(string(map(object, "metadata"), "namespace")).as(name(object))
				.isEqualTo("system-server"));
	}

	@Test
	void daemonSetRunsStreamAndSchedulerOnLabelledNodes() {
		Map<String, Object> daemonSet = only("DaemonSet");
		Map<String, Object> spec = map(daemonSet, "spec");
		assertThat(spec).as("a DaemonSet has no replicas").doesNotContainKey("replicas");
		assertThat(map(podSpec(daemonSet), "nodeSelector")).containsExactly(Map.entry("video-service", "true"));
		assertThat(containers(daemonSet)).extracting((c) -> string(c, "name"))
			.containsExactlyInAnyOrder("stream-service", "scheduler-service");
		assertThat(string(map(spec, "updateStrategy"), "type")).isEqualTo("RollingUpdate");
		Map<String, Object> api = only("Deployment");
		assertThat(containers(api)).extracting((c) -> string(c, "name")).containsExactly("api-service");
		assertThat(string(map(map(api, "spec"), "strategy"), "type")).isEqualTo("RollingUpdate");
		assertThat((Integer) map(api, "spec").get("replicas")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void workloadsUseOnlyFieldsOfTheirSchema() {
		Set<String> podController = Set.of("selector", "template", "revisionHistoryLimit", "minReadySeconds");
		Set<String> deployment = union(podController, Set.of("replicas", "strategy", "progressDeadlineSeconds"));
		Set<String> daemonSet = union(podController, Set.of("updateStrategy"));
		assertThat(map(only("Deployment"), "spec").keySet()).isSubsetOf(deployment);
		assertThat(map(only("DaemonSet"), "spec").keySet()).isSubsetOf(daemonSet);
		Set<String> container = Set.of("name", "image", "imagePullPolicy", "ports", "env", "envFrom", "startupProbe",
				"livenessProbe", "readinessProbe", "resources", "securityContext", "volumeMounts", "args", "command",
				"lifecycle");
		workloads().forEach((workload) -> containers(workload)
			.forEach((c) -> assertThat(c.keySet()).as(string(c, "name")).isSubsetOf(container)));
	}

	@Test
	void workloadSelectorsMatchTheirPodsAndServicesSelectPods() {
		for (Map<String, Object> workload : workloads()) {
			Map<String, Object> podLabels = map(map(map(workload, "spec"), "template"), "metadata");
			assertThat(map(podLabels, "labels")).as(name(workload))
				.containsAllEntriesOf(map(map(map(workload, "spec"), "selector"), "matchLabels"));
		}
		for (Map<String, Object> service : ofKind("Service")) {
			Map<String, Object> selector = map(map(service, "spec"), "selector");
			Map<String, Object> workload = workloads().stream()
				.filter((w) -> map(map(map(map(w, "spec"), "template"), "metadata"), "labels").entrySet()
					.containsAll(selector.entrySet()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name(service) + " selects no pods"));
			Set<Object> portNames = new HashSet<>();
			containers(workload).forEach((c) -> list(c, "ports").forEach((p) -> {
				portNames.add(string(p, "name"));
				portNames.add(string(p, "containerPort"));
			}));
			list(map(service, "spec"), "ports")
				.forEach((port) -> assertThat(portNames).as(name(service)).contains(string(port, "targetPort")));
		}
	}

	@Test
	void probesUseTheActuatorGroupsOnTheContainersManagementPort() {
		Set<String> exposed = new HashSet<>();
		for (Map<String, Object> service : ofKind("Service")) {
			list(map(service, "spec"), "ports").forEach((port) -> exposed.add(string(port, "targetPort")));
		}
		List<Map<String, Object>> services = allContainers().stream()
			.filter((c) -> Project.SERVICES.contains(string(c, "name")))
			.toList();
		assertThat(services).hasSameSizeAs(Project.SERVICES);
		for (Map<String, Object> container : services) {
			List<Object> ports = list(container, "ports");
			assertThat(ports).as(string(container, "name")).hasSize(2);
			assertThat(env(container)).containsEntry("SERVER_PORT", string(ports.get(0), "containerPort"))
				.containsEntry("MANAGEMENT_SERVER_PORT", string(ports.get(1), "containerPort"));
			String management = string(ports.get(1), "name");
			assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
			assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
			assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
			for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				assertThat(string(map(map(container, probe), "httpGet"), "port")).as(string(container, "name"))
					.isEqualTo(management);
			}
			assertThat(exposed).as("no Service exposes the management port")
				.doesNotContain(management, string(ports.get(1), "containerPort"));
		}
	}

	/**
	 * What a service's JVM takes besides its heap and direct buffers, with room to spare:
	 * measured with -XX:NativeMemoryTracking after start and some traffic (2026-11-30),
	 * metaspace and class space 65 MiB, GC 41, code 25 (more after JIT warm-up), symbols
	 * 13, threads 5-7 (68 threads; 256 busy Tomcat workers add ~25), compiler arenas up
	 * to 58 at peak.
	 */
	private static final long NON_HEAP_MIB = 256;

	@Test
	void theJvmMemoryBudgetFitsEachContainersLimit() {
		String options = string(map(named("ConfigMap", "video-config"), "data"), "JAVA_OPTS");
		for (Map<String, Object> container : allContainers()) {
			if (!Project.SERVICES.contains(string(container, "name"))) {
				continue;
			}
			String own = env(container).get("JAVA_OPTS");
			String jvm = (own != null) ? own : options;
			long limit = mebibytes(string(map(map(container, "resources"), "limits"), "memory"));
			long heap = limit * percent(jvm, "-XX:MaxRAMPercentage=") / 100;
			long direct = mebibytes(flag(jvm, "-XX:MaxDirectMemorySize="));
			assertThat(heap + direct + NON_HEAP_MIB)
				.as("%s: heap %d + direct %d + other %d MiB, limit %d MiB", string(container, "name"), heap, direct,
						NON_HEAP_MIB, limit)
				.isLessThanOrEqualTo(limit);
		}
		assertThat(Project.read(Project.ROOT.resolve("Dockerfile"))).as("the image's default JVM options")
			.contains("JAVA_OPTS=\"" + options + "\"");
	}

	private static String flag(String options, String prefix) {
		return Stream.of(options.split("\\s+"))
			.filter((option) -> option.startsWith(prefix))
			.map((option) -> option.substring(prefix.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(prefix + " missing in " + options));
	}

	private static long percent(String options, String prefix) {
		return (long) Double.parseDouble(flag(options, prefix));
	}

	private static long mebibytes(String size) {
		String value = size.toLowerCase(Locale.ROOT);
		if (value.endsWith("gi") || value.endsWith("g")) {
			return Long.parseLong(value.replaceAll("[a-z]", "")) * 1024;
		}
		return Long.parseLong(value.replaceAll("[a-z]", ""));
	}

	@Test
	void everyVariableIsReadByTheServiceItReaches() {
		Map<String, Object> config = named("ConfigMap", "video-config");
		Set<String> readBySome = new HashSet<>();
		for (Map<String, Object> container : allContainers()) {
			Set<String> read = Project.environmentOf(string(container, "name"));
			readBySome.addAll(read);
			assertThat(read).as("variables of " + string(container, "name")).containsAll(env(container).keySet());
		}
		assertThat(readBySome).as("ConfigMap keys").containsAll(map(config, "data").keySet());
	}

	@Test
	void secretAndConfigMapReferencesResolve() {
		for (Map<String, Object> container : allContainers()) {
			for (Object variable : list(container, "env")) {
				Map<String, Object> ref = map(map(variable, "valueFrom"), "secretKeyRef");
				if (!ref.isEmpty()) {
					assertThat(map(named("Secret", string(ref, "name")), "data")).containsKey(string(ref, "key"));
				}
			}
			for (Object source : list(container, "envFrom")) {
				assertThat(named("ConfigMap", string(map(source, "configMapRef"), "name"))).isNotEmpty();
			}
		}
	}

	@Test
	void videoStoreIsOneReadWriteManyClaimMountedAtVideoDir() {
		Map<String, Object> daemonSet = only("DaemonSet");
		Map<String, Object> volume = list(podSpec(daemonSet), "volumes").stream()
			.map(Project::asMap)
			.filter((v) -> "videos".equals(v.get("name")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> claim = named("PersistentVolumeClaim",
				string(map(volume, "persistentVolumeClaim"), "claimName"));
		assertThat(list(map(claim, "spec"), "accessModes")).containsExactly("ReadWriteMany");
		String videoDir = string(map(named("ConfigMap", "video-config"), "data"), "VIDEO_DIR");
		for (Map<String, Object> container : containers(daemonSet)) {
			assertThat(list(container, "volumeMounts")).as(string(container, "name"))
				.anySatisfy((m) -> assertThat(Project.asMap(m)).containsEntry("name", "videos")
					.containsEntry("mountPath", videoDir));
		}
		for (Map<String, Object> workload : workloads()) {
			Set<String> volumes = list(podSpec(workload), "volumes").stream()
				.map((v) -> string(v, "name"))
				.collect(Collectors.toSet());
			containers(workload).forEach((c) -> list(c, "volumeMounts")
				.forEach((m) -> assertThat(volumes).as(name(workload)).contains(string(m, "name"))));
		}
	}

	@Test
	void containersRunAsNonRootOnAReadOnlyRootWithLimits() {
		for (Map<String, Object> workload : workloads()) {
			assertThat(map(podSpec(workload), "securityContext")).as(name(workload))
				.containsEntry("runAsNonRoot", true);
			for (Map<String, Object> container : containers(workload)) {
				Map<String, Object> security = map(container, "securityContext");
				assertThat(security).as(string(container, "name"))
					.containsEntry("readOnlyRootFilesystem", true)
					.containsEntry("allowPrivilegeEscalation", false);
				assertThat(list(container, "volumeMounts")).as("a writable /tmp for Tomcat")
					.anySatisfy((m) -> assertThat(string(m, "mountPath")).isEqualTo("/tmp"));
				assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
				assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
			}
		}
	}

	@Test
	void imagesAreTheOnesTheComposeFileBuilds() {
		Map<String, String> composeImages = ComposeFile.load().serviceImages();
		for (Map<String, Object> container : allContainers()) {
			String image = string(container, "image");
			String repository = image.substring(0, image.lastIndexOf(':'));
			assertThat(composeImages).as(string(container, "name"))
				.containsEntry(string(container, "name"), repository);
		}
	}

	@Test
	void singleNodeOverlayReplacesTheClaimWithAHostPath() {
		List<Map<String, Object>> rendered = Kustomize.render(Project.ROOT.resolve("deploy/k8s/single-node"));
		assertThat(rendered).noneMatch((o) -> "PersistentVolumeClaim".equals(o.get("kind")));
		Map<String, Object> daemonSet = rendered.stream()
			.filter((o) -> "DaemonSet".equals(o.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat(list(podSpec(daemonSet), "volumes"))
			.anySatisfy((v) -> assertThat(map(v, "hostPath")).containsEntry("path", "/var/lib/video-server/videos"));
	}

	@Test
	void s3OverlayKeepsTheVideosInABucketWithTheKeysInASecret() {
		List<Map<String, Object>> rendered = Kustomize.render(Project.ROOT.resolve("deploy/k8s/s3"));
		assertThat(rendered).noneMatch((o) -> "PersistentVolumeClaim".equals(o.get("kind")));
		Map<String, Object> config = rendered.stream()
			.filter((o) -> "ConfigMap".equals(o.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat(map(config, "data")).containsEntry("VIDEO_STORE", "s3")
			.containsKeys("VIDEO_S3_ENDPOINT", "VIDEO_S3_REGION", "VIDEO_S3_BUCKET", "VIDEO_S3_PATH_STYLE")
			.doesNotContainKeys("VIDEO_S3_ACCESS_KEY", "VIDEO_S3_SECRET_KEY");
		Map<String, Object> secret = rendered.stream()
			.filter((o) -> "Secret".equals(o.get("kind")) && string(map(o, "metadata"), "name").startsWith("video-s3"))
			.findFirst()
			.orElseThrow();
		assertThat(map(secret, "data")).containsOnlyKeys("VIDEO_S3_ACCESS_KEY", "VIDEO_S3_SECRET_KEY");
		assertThat(map(secret, "metadata")).containsEntry("namespace", "system-server");
		Map<String, Object> daemonSet = rendered.stream()
			.filter((o) -> "DaemonSet".equals(o.get("kind")))
			.findFirst()
			.orElseThrow();
		for (Map<String, Object> container : containers(daemonSet)) {
			assertThat(Project.environmentOf(string(container, "name"))).as(string(container, "name"))
				.containsAll(map(secret, "data").keySet())
				.containsAll(map(config, "data").keySet()
					.stream()
					.filter((key) -> key.startsWith("VIDEO_S3_") || key.equals("VIDEO_STORE"))
					.toList());
			assertThat(list(container, "envFrom")).as(string(container, "name"))
				.anySatisfy((source) -> assertThat(string(map(source, "secretRef"), "name"))
					.isEqualTo(string(map(secret, "metadata"), "name")));
		}
		assertThat(list(podSpec(daemonSet), "volumes")).as("uploads staged on the node")
			.anySatisfy((v) -> assertThat(Project.asMap(v)).containsEntry("name", "videos").containsKey("emptyDir"));
	}

	private static String probePath(Map<String, Object> container, String probe) {
		return string(map(map(container, probe), "httpGet"), "path");
	}

	private static Map<String, String> env(Map<String, Object> container) {
		return list(container, "env").stream()
			.collect(Collectors.toMap((v) -> string(v, "name"), (v) -> string(v, "value")));
	}

	private static List<Map<String, Object>> ofKind(String kind) {
		return objects.stream().filter((o) -> kind.equals(o.get("kind"))).toList();
	}

	private static Map<String, Object> only(String kind) {
		assertThat(ofKind(kind)).hasSize(1);
		return ofKind(kind).get(0);
	}

	private static Map<String, Object> named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((o) -> name.equals(string(map(o, "metadata"), "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
	}

	private static List<Map<String, Object>> workloads() {
		return objects.stream().filter((o) -> Set.of("Deployment", "DaemonSet").contains(o.get("kind"))).toList();
	}

	private static Map<String, Object> podSpec(Map<String, Object> workload) {
		return map(map(map(workload, "spec"), "template"), "spec");
	}

	private static List<Map<String, Object>> containers(Map<String, Object> workload) {
		return list(podSpec(workload), "containers").stream().map(Project::asMap).toList();
	}

	private static List<Map<String, Object>> allContainers() {
		return workloads().stream().flatMap((w) -> containers(w).stream()).toList();
	}

	private static String name(Map<String, Object> object) {
		return object.get("kind") + "/" + string(map(object, "metadata"), "name");
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return all;
	}

}
