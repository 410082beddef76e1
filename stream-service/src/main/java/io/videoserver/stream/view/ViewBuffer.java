package io.videoserver.stream.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The views counted since the last write, each distinct one once (ten range requests of
 * one viewer are one row), at most {@code capacity} of them: a full buffer refuses a new
 * view instead of growing or making playback wait. The lock is held only to add or swap a
 * set, never across I/O.
 */
final class ViewBuffer {

	private final int capacity;

	private Set<ViewKey> pending = new LinkedHashSet<>();

	ViewBuffer(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * @return false when the view was new and the buffer is full (the view is dropped)
	 */
	synchronized boolean add(ViewKey key) {
		if (this.pending.size() >= this.capacity && !this.pending.contains(key)) {
			return false;
		}
		this.pending.add(key);
		return true;
	}

	/** Takes every pending view, leaving the buffer empty. */
	synchronized List<ViewKey> drain() {
		Set<ViewKey> taken = this.pending;
		this.pending = new LinkedHashSet<>();
		return new ArrayList<>(taken);
	}

	/**
	 * Puts back views whose write failed, as far as there is room.
	 * @return how many did not fit (dropped)
	 */
	synchronized int restore(List<ViewKey> keys) {
		int dropped = 0;
		for (ViewKey key : keys) {
			if (!add(key)) {
				dropped++;
			}
		}
		return dropped;
	}

	synchronized int size() {
		return this.pending.size();
	}

}
