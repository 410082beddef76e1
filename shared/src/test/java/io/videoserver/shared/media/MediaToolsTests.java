package io.videoserver.shared.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MediaToolsTests {

	@Test
	void theBundledProgramsAreUnpackedOnceAndRun() throws Exception {
		MediaTools tools = MediaTools.of(MediaSettings.bundled());
		Path ffmpeg = tools.ffmpeg();
		assertThat(ffmpeg.getFileName()).hasToString("ffmpeg");
		assertThat(Files.isExecutable(ffmpeg)).isTrue();
		assertThat(Files.isExecutable(tools.ffprobe())).isTrue();
		assertThat(MediaTools.of(MediaSettings.bundled()).ffmpeg()).isSameAs(ffmpeg);
		Process version = new ProcessBuilder(ffmpeg.toString(), "-version").redirectErrorStream(true).start();
		assertThat(new String(version.getInputStream().readAllBytes())).startsWith("ffmpeg version")
			.contains("--enable-libx264");
		assertThat(version.waitFor()).isZero();
	}

	@Test
	void aConfiguredProgramIsUsedAsItIs(@TempDir Path dir) throws IOException {
		Path program = Files.writeString(dir.resolve("my-ffmpeg"), "#!/bin/sh\n");
		program.toFile().setExecutable(true);
		MediaTools tools = MediaTools.of(new MediaSettings(program, program, Duration.ofSeconds(1)));
		assertThat(tools.ffmpeg()).isEqualTo(program);
		assertThat(tools.ffprobe()).isEqualTo(program);
	}

	@Test
	void aBareProgramNameIsLookedUpOnTheSearchPath() {
		MediaTools tools = MediaTools.of(new MediaSettings(Path.of("sh"), null, Duration.ofSeconds(1)));
		assertThat(tools.ffmpeg()).isAbsolute();
		assertThat(tools.ffmpeg().getFileName()).hasToString("sh");
	}

	@Test
	void anEmptyPathMeansTheBundledProgram() {
		MediaTools tools = MediaTools.of(new MediaSettings(Path.of(""), Path.of(""), Duration.ofSeconds(1)));
		assertThat(tools.ffprobe().getFileName()).hasToString("ffprobe");
	}

	@Test
	void aConfiguredProgramThatIsMissingOrNotExecutableIsRefusedClearly(@TempDir Path dir) throws IOException {
		Path missing = dir.resolve("nothing-here");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MediaTools.of(new MediaSettings(missing, null, Duration.ofSeconds(1))))
			.withMessage("VIDEO_FFMPEG names " + missing + ", which is not an executable file on this machine");
		Path plain = Files.writeString(dir.resolve("plain"), "text");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MediaTools.of(new MediaSettings(null, plain, Duration.ofSeconds(1))))
			.withMessageStartingWith("VIDEO_FFPROBE names " + plain);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MediaTools.of(new MediaSettings(null, dir, Duration.ofSeconds(1))))
			.withMessageStartingWith("VIDEO_FFPROBE names " + dir);
	}

}
