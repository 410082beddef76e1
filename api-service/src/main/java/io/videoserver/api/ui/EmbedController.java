package io.videoserver.api.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.videoserver.shared.VideoIds;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /embed/{vid}}: the minimal player page other sites put in an iframe. The
 * page is static (static/embed.html with js/embed.js, which reads the id from its address
 * and asks {@code GET /videos/{vid}} like the watch page), so a private or missing video
 * says "This video is unavailable" there, in the frame. It is the one page whose
 * Content-Security-Policy allows framing ({@link SecurityHeadersFilter}).
 */
@Controller
class EmbedController {

	static final String PATH_PREFIX = "/embed/";

	private final byte[] page;

	EmbedController() {
		try {
			this.page = new ClassPathResource("static/embed.html").getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("static/embed.html is missing from the api-service's jar", ex);
		}
	}

	@GetMapping(PATH_PREFIX + "{vid}")
	ResponseEntity<byte[]> embed(@PathVariable String vid) {
		VideoIds.require(vid);
		// no-cache: a new release's page (and its script names) reaches frames at once.
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.body(this.page);
	}

}
