package io.videoserver.scheduler;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.videoserver.scheduler.execution.VideoRemover;

/**
 * Counts, per video, how often a replica set out to delete it and how many files it
 * actually removed, so that races can be checked for double work.
 */
public class RecordingVideoRemover implements VideoRemover {

	private final VideoRemover files;

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> removed = new ConcurrentHashMap<>();

	public RecordingVideoRemover(VideoRemover files) {
		this.files = files;
	}

	@Override
	public boolean available() {
		return this.files.available();
	}

	@Override
	public int delete(String videoId, long claimedAt) throws IOException {
		this.calls.computeIfAbsent(videoId, (id) -> new AtomicInteger()).incrementAndGet();
		int count = this.files.delete(videoId, claimedAt);
		this.removed.computeIfAbsent(videoId, (id) -> new AtomicInteger()).addAndGet(count);
		return count;
	}

	public Map<String, AtomicInteger> calls() {
		return this.calls;
	}

	public Map<String, AtomicInteger> removed() {
		return this.removed;
	}

}
