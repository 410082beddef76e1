package io.videoserver.api.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.videoserver.api.ApiProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pages of the lists (all videos, a tag's videos, a user's videos, a video's
 * comments; each in its variants: the owner's view and everyone else's, newest or most
 * viewed first), kept for a short time so that a page read by many is read from the
 * database once per {@code ttl} instead of once per request.
 * <p>
 * What a reader sees: a write made on this replica is seen by the next read here (the
 * write marks its lists changed once it has committed, and a page read before that mark
 * is never served after it); a write made elsewhere (another replica, the
 * stream-service's uploads, the transcoder's progress) is seen within {@code ttl}.
 * <p>
 * Changes are marked on a fixed array of stamps, one per hash of a list's scope, so that
 * the marks take bounded memory however many lists there are; two scopes sharing a stamp
 * only cost each other a few more misses.
 */
@Component
public class ListingCache {

	private static final int STAMPS = 1024;

	private final AtomicLongArray stamps = new AtomicLongArray(STAMPS);

	private final @Nullable Cache<Key, Entry> pages;

	@Autowired
	ListingCache(ApiProperties properties) {
		this(properties.listCache().ttl(), properties.listCache().maxPages());
	}

	ListingCache(Duration ttl, long maxPages) {
		this.pages = ttl.isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxPages).<Key, Entry>build();
	}

	/**
	 * A page of a list: the cached one when no change to the list was marked since it was
	 * read, else the one the loader reads (kept unless it throws).
	 * @param scope the list
	 * @param before the page's cursor, null for the first page
	 * @param limit the page's size
	 * @param loader reads the page from the database
	 */
	public <T> Listing<T> page(Scope scope, @Nullable PageCursor before, int limit, Supplier<Listing<T>> loader) {
		return page(scope, "", before, limit, loader);
	}

	/**
	 * A page of one variant of a list: lists of one scope that one write changes together
	 * but that hold other rows or another order (a user's videos as the owner sees them
	 * and as others do, newest or most viewed first) are kept apart by the variant and
	 * marked changed together by their scope.
	 * @param scope the list
	 * @param variant which of the scope's lists
	 * @param before the page's cursor, null for the first page
	 * @param limit the page's size
	 * @param loader reads the page from the database
	 */
	@SuppressWarnings("unchecked")
	public <T> Listing<T> page(Scope scope, String variant, @Nullable PageCursor before, int limit,
			Supplier<Listing<T>> loader) {
		if (this.pages == null) {
			return loader.get();
		}
		Key key = new Key(scope, variant, before, limit);
		int stamp = stampOf(scope);
		Entry cached = this.pages.getIfPresent(key);
		if (cached != null && cached.stamp() == this.stamps.get(stamp)) {
			return (Listing<T>) cached.page();
		}
		// The stamp is read before the database, so that a change committed while the
		// page is read leaves it stale-stamped, never served.
		long readAt = this.stamps.get(stamp);
		Listing<T> page = loader.get();
		this.pages.put(key, new Entry(page, readAt));
		return page;
	}

	/**
	 * Marks lists changed once the caller's transaction commits (at once without one), so
	 * that no page read before the change is served on this replica after it.
	 */
	public void changed(Scope... scopes) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					mark(scopes);
				}
			});
		}
		else {
			mark(scopes);
		}
	}

	private void mark(Scope[] scopes) {
		for (Scope scope : scopes) {
			this.stamps.incrementAndGet(stampOf(scope));
		}
	}

	private static int stampOf(Scope scope) {
		return Math.floorMod(scope.hashCode(), STAMPS);
	}

	/**
	 * One list.
	 *
	 * @param kind what it lists
	 * @param of whose or which (a user name, a video id), empty for all videos
	 */
	public record Scope(String kind, String of) {

		/** Every video, newest first. */
		public static Scope allVideos() {
			return new Scope("videos", "");
		}

		/** A user's videos. */
		public static Scope videosOf(String userName) {
			return new Scope("videos-of", userName);
		}

		/** The public videos with a tag (normalised). */
		public static Scope videosTagged(String tag) {
			return new Scope("videos-tagged", tag);
		}

		/** A video's comments. */
		public static Scope commentsOf(String vid) {
			return new Scope("comments-of", vid);
		}

	}

	private record Key(Scope scope, String variant, @Nullable PageCursor before, int limit) {
	}

	private record Entry(Listing<?> page, long stamp) {
	}

}
