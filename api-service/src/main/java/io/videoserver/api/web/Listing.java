package io.videoserver.api.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a newest-first list, read with one row more than asked for so that the
 * presence of a next page is known without a second query.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param next the cursor of the next page, or null on the last page
 */
public record Listing<T>(List<T> items, @Nullable PageCursor next) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	public static final String LIMIT_MESSAGE = "limit must be between 1 and " + MAX_LIMIT;

	/**
	 * Cuts a result read with {@code limit + 1} rows into a page.
	 * @param <T> the item type
	 * @param rows up to {@code limit + 1} rows, newest first
	 * @param limit the page size asked for
	 * @param position the cursor of an item
	 * @return the page
	 */
	public static <T> Listing<T> of(List<T> rows, int limit, Function<T, PageCursor> position) {
		if (rows.size() <= limit) {
			return new Listing<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		return new Listing<>(page, position.apply(page.get(limit - 1)));
	}

	public @Nullable String nextValue() {
		return (this.next != null) ? this.next.encode() : null;
	}

}
