package io.videoserver.api.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.videoserver.api.web.ListingCache.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class ListingCacheTests {

	private final ListingCache cache = new ListingCache(Duration.ofMinutes(1), 100);

	private final AtomicInteger reads = new AtomicInteger();

	@AfterEach
	void clearSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aPageReadLatelyIsServedWithoutReadingAgain() {
		assertThat(read(Scope.allVideos(), null, 20)).containsExactly("page 1");
		assertThat(read(Scope.allVideos(), null, 20)).containsExactly("page 1");
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void eachCursorAndSizeIsAPageOfItsOwn() {
		read(Scope.allVideos(), null, 20);
		read(Scope.allVideos(), null, 50);
		read(Scope.allVideos(), new PageCursor(LocalDateTime.of(2026, 1, 1, 0, 0), 7), 20);
		read(Scope.videosOf("alice"), null, 20);
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void eachVariantIsAListOfItsOwnAndAChangeToTheScopeMarksThemAll() {
		this.cache.page(Scope.videosOf("alice"), "owner", null, 20, this::next);
		this.cache.page(Scope.videosOf("alice"), "public", null, 20, this::next);
		assertThat(this.cache.page(Scope.videosOf("alice"), "owner", null, 20, this::next).items())
			.containsExactly("page 1");
		assertThat(this.cache.page(Scope.videosOf("alice"), "public", null, 20, this::next).items())
			.containsExactly("page 2");
		this.cache.changed(Scope.videosOf("alice"));
		assertThat(this.cache.page(Scope.videosOf("alice"), "owner", null, 20, this::next).items())
			.containsExactly("page 3");
		assertThat(this.cache.page(Scope.videosOf("alice"), "public", null, 20, this::next).items())
			.containsExactly("page 4");
	}

	@Test
	void aChangeMarkedHereIsSeenByTheNextRead() {
		read(Scope.commentsOf("v1"), null, 20);
		this.cache.changed(Scope.commentsOf("v1"));
		assertThat(read(Scope.commentsOf("v1"), null, 20)).containsExactly("page 2");
	}

	@Test
	void aPageReadWhileAChangeIsMarkedIsNeverServedAfterIt() {
		this.cache.page(Scope.videosOf("bob"), null, 20, () -> {
			this.reads.incrementAndGet();
			// the write commits and marks while this (older) page is being read
			this.cache.changed(Scope.videosOf("bob"));
			return new Listing<>(List.of("stale"), null);
		});
		assertThat(read(Scope.videosOf("bob"), null, 20)).containsExactly("page 2");
	}

	@Test
	void aChangeInATransactionIsMarkedWhenItCompletesNotBefore() {
		read(Scope.allVideos(), null, 20);
		TransactionSynchronizationManager.initSynchronization();
		this.cache.changed(Scope.allVideos());
		// a page read before the commit may be the old one; it must not outlive the
		// commit
		assertThat(read(Scope.allVideos(), null, 20)).containsExactly("page 1");
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		}
		assertThat(read(Scope.allVideos(), null, 20)).containsExactly("page 2");
	}

	@Test
	void aPageExpiresAfterTheTtl() throws InterruptedException {
		ListingCache shortLived = new ListingCache(Duration.ofMillis(50), 100);
		shortLived.page(Scope.allVideos(), null, 20, this::next);
		Thread.sleep(200);
		shortLived.page(Scope.allVideos(), null, 20, this::next);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aZeroTtlReadsEveryPage() {
		ListingCache off = new ListingCache(Duration.ZERO, 100);
		off.page(Scope.allVideos(), null, 20, this::next);
		off.page(Scope.allVideos(), null, 20, this::next);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void aFailedReadIsNotKept() {
		try {
			this.cache.page(Scope.commentsOf("gone"), null, 20, () -> {
				throw new IllegalStateException("404");
			});
		}
		catch (IllegalStateException expected) {
			// the next read asks again
		}
		assertThat(read(Scope.commentsOf("gone"), null, 20)).containsExactly("page 1");
	}

	private List<String> read(Scope scope, PageCursor before, int limit) {
		return this.cache.page(scope, before, limit, this::next).items();
	}

	private Listing<String> next() {
		return new Listing<>(List.of("page " + this.reads.incrementAndGet()), null);
	}

}
