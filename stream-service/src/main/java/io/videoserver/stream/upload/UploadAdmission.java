package io.videoserver.stream.upload;

import java.time.Duration;

import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.shared.media.ContainerKind;
import io.videoserver.stream.StreamProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The one admission every kind of upload (form, raw body, resumable) passes: the video's
 * owner, the size limit, the user's quota and the container (MP4/MOV, MKV/WebM, AVI),
 * each checked as early as the bytes allow, so that a refused client is not kept sending.
 */
@Component
public class UploadAdmission {

	/** How many first bytes tell the container ({@link ContainerKind#HEAD}). */
	public static final int VIDEO_HEAD = ContainerKind.HEAD;

	/** The refusal of a file that is none of the accepted containers. */
	static final String NOT_A_VIDEO = "The file is not a video (MP4, MOV, MKV, WebM or AVI)";

	private final UploadAuthorizer authorizer;

	private final UploadQuota quota;

	private final long maxSize;

	UploadAdmission(UploadAuthorizer authorizer, UploadQuota quota, StreamProperties properties) {
		this.authorizer = authorizer;
		this.quota = quota;
		this.maxSize = properties.upload().maxSize().toBytes();
	}

	/** The largest accepted video file, in bytes. */
	public long maxSize() {
		return this.maxSize;
	}

	/**
	 * Checks the uploader, before a byte of the body is read.
	 * @return the owner's login name
	 * @throws ApiException 400/001 for an invalid id, 401/002 without a live session,
	 * 404/006 when the video does not exist, 403/007 when it is someone else's
	 */
	public String requireOwner(HttpServletRequest request, VideoId vid) {
		return this.authorizer.requireOwner(request, vid.value());
	}

	/**
	 * Reserves a form or raw upload's declared size, before any data is read; held while
	 * the upload runs and grown as undeclared bytes arrive.
	 * @param declaredBytes the size the client announced, 0 when it announced none
	 * @throws ApiException 413/008 over the size limit or the space left, 404/006 when
	 * the video is gone
	 */
	Reservation reserve(String vid, long declaredBytes) {
		requireSize(declaredBytes);
		return this.quota.open(vid, declaredBytes);
	}

	/**
	 * Checks a resumable upload's declared length before it is created: within the size
	 * limit, long enough to be a video and within the quota's room.
	 * @throws ApiException 413/008, 415/009, 404/006 when the video is gone
	 */
	public void requireRoom(String vid, long length) {
		requireSize(length);
		if (length < VIDEO_HEAD) {
			throw notAVideo();
		}
		this.quota.requireRoom(vid, length);
	}

	/**
	 * Admits the checked file's final size against the quota, replacing what the upload
	 * reserved so far.
	 * @param hold how long the reservation lasts after a failure
	 * @throws ApiException 413/008 when the quota has no room for it any more
	 */
	void admitStored(String reservation, String vid, long size, Duration hold) {
		this.quota.reserve(reservation, vid, size, hold);
	}

	/**
	 * The size limit, checked on the declared size and again as the bytes arrive.
	 * @throws ApiException 413/008 over the limit
	 */
	public void requireSize(long bytes) {
		if (bytes > this.maxSize) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The video is larger than " + this.maxSize + " bytes");
		}
	}

	/**
	 * Checks the first bytes of an upload, at once, so that a client sending something
	 * else than a video is not kept sending.
	 * @param head the upload's first bytes
	 * @param length how many of them there are ({@link #VIDEO_HEAD} unless the file is
	 * shorter)
	 * @return the container they announce
	 * @throws ApiException 415/009 unless they begin an MP4/MOV, MKV/WebM or AVI file
	 */
	public static ContainerKind requireVideoHead(byte[] head, int length) {
		ContainerKind kind = ContainerKind.sniff(head, length);
		if (kind == null) {
			throw notAVideo();
		}
		return kind;
	}

	private static ApiException notAVideo() {
		return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, NOT_A_VIDEO);
	}

}
