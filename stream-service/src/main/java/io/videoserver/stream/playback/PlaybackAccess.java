package io.videoserver.stream.playback;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.VideoId;
import io.videoserver.stream.session.SessionUsers;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may play a video: anyone a public or unlisted one, only its owner's session a
 * private one. A video's privacy and owner are cached per replica for {@link #CACHE_TTL},
 * so the fast path asks the database at most once per video in that time; a privacy
 * change or a deletion takes that long to reach playback.
 */
@Component
class PlaybackAccess {

	/** The bound docs/stream-service.md and README state. */
	static final Duration CACHE_TTL = Duration.ofSeconds(5);

	private static final int CACHE_SIZE = 10_000;

	private static final long RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(PlaybackAccess.class);

	private final JdbcClient jdbc;

	private final SessionUsers sessions;

	private final Cache<VideoId, Optional<VideoRow>> rows = Caffeine.newBuilder()
		.expireAfterWrite(CACHE_TTL)
		.maximumSize(CACHE_SIZE)
		.build();

	PlaybackAccess(JdbcClient jdbc, SessionUsers sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	/**
	 * Checks that the request may play the video.
	 * @return what playback learnt about the video and the viewer, for counting the view
	 * @throws ApiException 404/006 for a private video without its owner's session (the
	 * same answer as for no video, so that a private id stays secret); 503/012 when the
	 * database cannot say
	 */
	Viewing require(VideoId vid, HttpServletRequest request) {
		Optional<VideoRow> row = row(vid);
		if (row.isEmpty()) {
			// No row: the store decides, as before privacy existed (a file without a row
			// is what an upload in progress or a deletion leaves for a moment).
			return new Viewing(false, null, false);
		}
		if (row.get().isPlayableByAnyone()) {
			return new Viewing(true, null, false);
		}
		String user = sessionUser(request);
		if (user == null || !user.equals(row.get().owner())) {
			throw new ApiException(ErrorCode.NOT_FOUND, "Video not found");
		}
		return new Viewing(true, user, true);
	}

	/**
	 * The user of the request's live session, for a view.
	 * @throws DataAccessException when the sessions cannot be read
	 */
	@Nullable String sessionUser(HttpServletRequest request) {
		try {
			return this.sessions.userOf(request).orElse(null);
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private Optional<VideoRow> row(VideoId vid) {
		try {
			return this.rows.get(vid, this::load);
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private Optional<VideoRow> load(VideoId vid) {
		return this.jdbc.sql("""
				SELECT v.privacy, u.login_name AS owner
				FROM video_info v LEFT JOIN users u ON u.id = v.author_id
				WHERE v.id = :vid
				""").param("vid", vid.value()).query(VideoRow.class).optional();
	}

	private static ApiException unavailable(DataAccessException ex) {
		return new ApiException(ErrorCode.UNAVAILABLE,
				"Cannot check who may play the video: " + ex.getClass().getSimpleName());
	}

	/**
	 * A video's row as playback needs it.
	 *
	 * @param privacy public, unlisted or private
	 * @param owner the author's login name, null when the author is gone
	 */
	record VideoRow(String privacy, @Nullable String owner) {

		/** Any value but the two open ones is private: an unknown one fails closed. */
		boolean isPlayableByAnyone() {
			return "public".equals(this.privacy) || "unlisted".equals(this.privacy);
		}

	}

	/**
	 * What the access check learnt.
	 *
	 * @param hasRow whether the video has a row (only then can a view be written)
	 * @param user the session's user when the check looked it up, else null
	 * @param userKnown whether the check looked the session up
	 */
	record Viewing(boolean hasRow, @Nullable String user, boolean userKnown) {
	}

}
