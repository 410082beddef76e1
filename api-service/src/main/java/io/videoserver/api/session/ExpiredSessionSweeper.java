package io.videoserver.api.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired session rows. The api-service is their one owner; with several replicas
 * each sweeps, which is harmless because a delete of an expired row is idempotent.
 */
@Component
class ExpiredSessionSweeper {

	private static final Logger log = LoggerFactory.getLogger(ExpiredSessionSweeper.class);

	private static final int BATCH = 1000;

	private final SessionRepository sessions;

	ExpiredSessionSweeper(SessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(fixedDelayString = "${video.session.cleanup-interval:1m}",
			initialDelayString = "${video.session.cleanup-interval:1m}")
	void sweep() {
		try {
			int total = 0;
			int deleted;
			do {
				deleted = this.sessions.deleteExpired(BATCH);
				total += deleted;
			}
			while (deleted == BATCH);
			if (total > 0) {
				log.info("Deleted {} expired sessions", total);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not delete expired sessions this time: {}", ex.getMessage());
		}
	}

}
