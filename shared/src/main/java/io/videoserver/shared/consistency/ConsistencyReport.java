package io.videoserver.shared.consistency;

import java.time.Instant;
import java.util.List;

/**
 * What one check saw and found.
 *
 * @param checkedAt when the check started
 * @param videos the video rows it compared
 * @param stored the names it listed in the store
 * @param findings what is out of place; none when the database and the store agree
 */
public record ConsistencyReport(Instant checkedAt, long videos, long stored, List<Finding> findings) {

	/** Whether the check found nothing out of place. */
	public boolean consistent() {
		return this.findings.isEmpty();
	}

}
