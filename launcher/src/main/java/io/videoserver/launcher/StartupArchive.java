package io.videoserver.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data archive of one service jar for one JDK, so that the service's JVM starts
 * from classes parsed and linked once before (AppCDS up to JDK 24, the AOT cache from JDK
 * 25): it lives beside the jar under a key of the jar's size and time and the JDK's
 * version, so a rebuilt jar or another JDK never meets a stale archive, and without a
 * finished archive the service starts from its jar as before.
 *
 * @param jar the service's jar as {@code ./mvnw package} built it
 * @param dir where this jar's extracted form and archive live
 * @param jdkFeature the feature release of the JDK that runs the service (17, 21, 25)
 */
record StartupArchive(Path jar, Path dir, int jdkFeature) {

	/** The first release whose one-step AOT cache ({@code -XX:AOTCacheOutput}) we use. */
	private static final int AOT_CACHE_RELEASE = 25;

	static StartupArchive of(Path jar, Runtime.Version jdk) throws IOException {
		String key = jar.getFileName() + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis()
				+ "-jdk" + jdk.toString().replaceAll("[^A-Za-z0-9.+_-]", "_");
		return new StartupArchive(jar, jar.resolveSibling("startup-archive").resolve(key), jdk.feature());
	}

	/** The jar unpacked the way archives need it: the application jar and its lib/. */
	Path extractedJar() {
		return this.dir.resolve("app").resolve(this.jar.getFileName());
	}

	Path archive() {
		return this.dir.resolve(usesAotCache() ? "app.aot" : "app.jsa");
	}

	/**
	 * Where a training run writes, so a half-written file is never taken for the archive.
	 */
	Path trainingOutput() {
		return this.dir.resolve(usesAotCache() ? "training.aot" : "training.jsa");
	}

	boolean isReady() {
		return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar());
	}

	/**
	 * The JVM arguments that start the service: from the archive when it is ready, else
	 * from the jar. A JVM that cannot map the archive starts without it, and its notice
	 * about that is turned off.
	 */
	List<String> launch() {
		if (!isReady()) {
			return List.of("-jar", this.jar.toString());
		}
		if (usesAotCache()) {
			return List.of("-XX:AOTCache=" + archive(), "-Xlog:aot=off", "-Xlog:cds=off", "-jar",
					extractedJar().toString());
		}
		return List.of("-XX:SharedArchiveFile=" + archive(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
				extractedJar().toString());
	}

	/**
	 * The JVM arguments of a training run: the service starts, refreshes its context
	 * (without opening its ports or running its schedules) and exits, and the JVM writes
	 * the classes it loaded to {@link #trainingOutput()}.
	 */
	List<String> training() {
		String output = usesAotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
		return List.of(output + trainingOutput(), "-Dspring.context.exit=onRefresh", "-jar", extractedJar().toString());
	}

	private boolean usesAotCache() {
		return this.jdkFeature >= AOT_CACHE_RELEASE;
	}

}
