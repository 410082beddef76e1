package io.videoserver.stream.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;
import io.videoserver.stream.TestStreamProperties;
import org.junit.jupiter.api.Test;

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
	void anUploadStartsWithAnFtypBox() {
		byte[] mp4 = "\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1);
		assertThatNoException().isThrownBy(() -> UploadAdmission.requireMp4Head(mp4, mp4.length));
		byte[] other = "\0\0\0\u0018moovisom".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(() -> UploadAdmission.requireMp4Head(other, other.length), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		assertRefused(() -> UploadAdmission.requireMp4Head(mp4, 7), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void aResumableUploadOverTheLimitOrTooShortIsRefusedBeforeTheQuotaIsAsked() {
		String vid = VideoIds.newId();
		assertRefused(() -> this.admission.requireRoom(vid, MAX + 1), ErrorCode.PAYLOAD_TOO_LARGE);
		assertRefused(() -> this.admission.requireRoom(vid, UploadAdmission.MP4_HEAD - 1),
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
