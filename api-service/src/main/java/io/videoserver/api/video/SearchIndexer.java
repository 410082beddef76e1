package io.videoserver.api.video;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the search text of videos that have none (every video made before search
 * existed), in batches on a thread of its own once the service is up, so that a start
 * never waits for it. Several replicas may run it at once: each write only fills a
 * still-empty text, so the same row indexed twice is written once, and a text an owner
 * wrote meanwhile is never overwritten.
 */
@Component
class SearchIndexer {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	static final int BATCH = 200;

	private final SearchRepository videos;

	SearchIndexer(SearchRepository videos) {
		this.videos = videos;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread thread = new Thread(this::indexAll, "search-indexer");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Indexes batches until none is left (or a batch brings no progress, which another
	 * writer's rows cannot cause twice).
	 * @return how many rows this call wrote
	 */
	int indexAll() {
		int written = 0;
		try {
			List<String> previous = List.of();
			while (true) {
				List<Video> batch = this.videos.unindexed(BATCH);
				List<String> ids = batch.stream().map(Video::id).toList();
				if (batch.isEmpty() || ids.equals(previous)) {
					break;
				}
				for (Video video : batch) {
					written += this.videos.index(video.id(), VideoFields.of(video).searchText()) ? 1 : 0;
				}
				previous = ids;
			}
			if (written > 0) {
				log.info("Indexed {} videos for search", written);
			}
		}
		catch (RuntimeException ex) {
			log.error("Indexing videos for search stopped; the next start continues", ex);
		}
		return written;
	}

}
