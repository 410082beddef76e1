package io.videoserver.api.video;

import java.util.Arrays;
import java.time.ZoneOffset;

import io.videoserver.api.session.Viewer;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoIds;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a video's poster for lists and the player: the frame stream-service decoded at
 * upload, or a drawn placeholder. Browsers revalidate it (ETag) because a re-upload
 * replaces it under the same address. A private video's poster is its owner's only.
 */
@RestController
class PosterController {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final PosterRepository posters;

	PosterController(PosterRepository posters) {
		this.posters = posters;
	}

	@GetMapping("/videos/{vid}/poster")
	ResponseEntity<byte[]> poster(@PathVariable String vid, Viewer viewer) {
		VideoIds.require(vid);
		PosterRepository.VideoPoster poster = this.posters.find(vid)
			.filter((found) -> found.visibleTo(viewer.userId()))
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such video"));
		// A private poster must not be kept by a cache that others share.
		CacheControl cache = Video.PRIVATE.equals(poster.privacy()) ? CacheControl.noCache().cachePrivate()
				: CacheControl.noCache();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(cache);
		if (poster.image() == null || poster.contentType() == null || poster.createdAt() == null) {
			byte[] svg = PosterPlaceholder.svg(vid, poster.name());
			return response.eTag("s" + Integer.toHexString(Arrays.hashCode(svg))).contentType(SVG).body(svg);
		}
		return response.eTag("j" + poster.createdAt().toInstant(ZoneOffset.UTC).toEpochMilli())
			.contentType(MediaType.parseMediaType(poster.contentType()))
			.body(poster.image());
	}

}
