package io.videoserver.stream.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.media.ContainerKind;
import io.videoserver.stream.TestStreamProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class UploadAdmissionTests {

	private static final long MAX = 1024L * 1024 * 1024;

	private final UploadQuota quota = mock(UploadQuota.class);

	private final UploadAdmission admission = new UploadAdmission(mock(UploadAuthorizer.class), this.quota,
			TestStreamProperties.local(Path.of("videos")));

	@Test
	void theSizeLimitComesFromTheSettings() {
		assertThatNoException().isThrownBy(() -> this.admission.requireSize(MAX));
		assertRefused(() -> this.admission.requireSize(MAX + 1), ErrorCode.PAYLOAD_TOO_LARGE);
	}

	@Test
	void anUploadStartsAsAVideoContainer() {
		byte[] mp4 = "\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(UploadAdmission.requireVideoHead(mp4, mp4.length)).isEqualTo(ContainerKind.MP4);
		byte[] mov = "\0\0\0\u0018moovisom".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(UploadAdmission.requireVideoHead(mov, mov.length)).isEqualTo(ContainerKind.MP4);
		byte[] webm = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 0, 0, 0, 0, 0, 0, 0x1F };
		assertThat(UploadAdmission.requireVideoHead(webm, webm.length)).isEqualTo(ContainerKind.MATROSKA);
		byte[] avi = "RIFF\0\0\0\0AVI ".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(UploadAdmission.requireVideoHead(avi, avi.length)).isEqualTo(ContainerKind.AVI);
		byte[] wave = "RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(() -> UploadAdmission.requireVideoHead(wave, wave.length), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		byte[] text = "This is a text file".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(() -> UploadAdmission.requireVideoHead(text, text.length), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		assertRefused(() -> UploadAdmission.requireVideoHead(mp4, 7), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void aResumableUploadOverTheLimitOrTooShortIsRefusedBeforeTheQuotaIsAsked() {
		String vid = VideoIds.newId();
		assertRefused(() -> this.admission.requireRoom(vid, MAX + 1), ErrorCode.PAYLOAD_TOO_LARGE);
		assertRefused(() -> this.admission.requireRoom(vid, UploadAdmission.VIDEO_HEAD - 1),
				ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		verify(this.quota, never()).requireRoom(anyString(), anyLong());
		this.admission.requireRoom(vid, MAX);
		verify(this.quota).requireRoom(vid, MAX);
	}

	@Test
	void aFormOrRawUploadOverTheLimitReservesNothing() {
		assertRefused(() -> this.admission.reserve(VideoIds.newId(), MAX + 1), ErrorCode.PAYLOAD_TOO_LARGE);
		verify(this.quota, never()).open(anyString(), anyLong());
	}

	private static void assertRefused(Runnable check, ErrorCode code) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(check::run)
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(code));
	}

}
