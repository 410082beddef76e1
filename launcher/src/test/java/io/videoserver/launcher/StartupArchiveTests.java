package io.videoserver.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupArchiveTests {

	private static final Runtime.Version JDK_17 = Runtime.Version.parse("17.0.15+6");

	private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9-LTS");

	@TempDir
	Path target;

	@Test
	void withoutAnArchiveTheServiceStartsFromItsJar() throws IOException {
		StartupArchive archive = StartupArchive.of(jar("v1"), JDK_17);
		assertThat(archive.isReady()).isFalse();
		assertThat(archive.launch()).containsExactly("-jar", this.target.resolve("api.jar").toString());
	}

	@Test
	void onJdk17TheExtractedJarStartsWithItsAppCdsArchive() throws IOException {
		StartupArchive archive = trained(StartupArchive.of(jar("v1"), JDK_17));
		assertThat(archive.launch()).startsWith("-XX:SharedArchiveFile=" + archive.dir().resolve("app.jsa"))
			.endsWith("-jar", archive.dir().resolve("app/api.jar").toString());
		assertThat(archive.training()).startsWith("-XX:ArchiveClassesAtExit=" + archive.dir().resolve("training.jsa"),
				"-Dspring.context.exit=onRefresh");
	}

	@Test
	void onJdk25TheExtractedJarStartsWithItsAotCache() throws IOException {
		StartupArchive archive = trained(StartupArchive.of(jar("v1"), JDK_25));
		assertThat(archive.launch()).startsWith("-XX:AOTCache=" + archive.dir().resolve("app.aot"))
			.endsWith("-jar", archive.dir().resolve("app/api.jar").toString());
		assertThat(archive.training()).startsWith("-XX:AOTCacheOutput=" + archive.dir().resolve("training.aot"));
	}

	@Test
	void aRebuiltJarOrAnotherJdkGetsItsOwnArchive() throws IOException {
		StartupArchive first = StartupArchive.of(jar("v1"), JDK_17);
		assertThat(first.dir().getParent()).isEqualTo(this.target.resolve("startup-archive"));
		assertThat(StartupArchive.of(jar("v1"), JDK_17)).isEqualTo(first);
		assertThat(StartupArchive.of(jar("v1"), JDK_25).dir()).isNotEqualTo(first.dir());
		assertThat(StartupArchive.of(jar("v1 rebuilt"), JDK_17).dir()).isNotEqualTo(first.dir());
		Path jar = jar("v1");
		Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
		assertThat(StartupArchive.of(jar, JDK_17).dir()).isNotEqualTo(first.dir());
	}

	@Test
	void aHalfWrittenTrainingOutputIsNotTakenForTheArchive() throws IOException {
		StartupArchive archive = StartupArchive.of(jar("v1"), JDK_17);
		Files.createDirectories(archive.extractedJar().getParent());
		Files.writeString(archive.extractedJar(), "jar");
		Files.writeString(archive.trainingOutput(), "half");
		assertThat(archive.isReady()).isFalse();
		assertThat(archive.launch()).containsExactly("-jar", archive.jar().toString());
	}

	private Path jar(String content) throws IOException {
		Path jar = this.target.resolve("api.jar");
		Files.writeString(jar, content);
		Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
		return jar;
	}

	private static StartupArchive trained(StartupArchive archive) throws IOException {
		Files.createDirectories(archive.extractedJar().getParent());
		Files.writeString(archive.extractedJar(), "jar");
		Files.writeString(archive.archive(), "archive");
		return archive;
	}

}
