package io.videoserver.api.video;

import java.util.List;

import io.videoserver.api.web.Listing;
import io.videoserver.api.web.PageCursor;
import io.videoserver.shared.ApiException;
import io.videoserver.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * {@code GET /videos?q=}: public videos ranked by how well their search text matches the
 * query's words, paged by relevance, then newest first.
 * <p>
 * Searches are not kept in the {@link io.videoserver.api.web.ListingCache}: queries are
 * as many as their readers, so a page would rarely be read twice within the cache's time,
 * while every cached query would cost memory and evict the lists that are read by many;
 * one FULLTEXT lookup is cheap enough to make each time.
 */
@Service
class VideoSearch {

	static final int MAX_QUERY = 200;

	static final String QUERY_MESSAGE = "q must be at most " + MAX_QUERY + " characters";

	private final SearchRepository videos;

	VideoSearch(SearchRepository videos) {
		this.videos = videos;
	}

	/**
	 * A page of a search.
	 * @param query the viewer's text, at most {@value #MAX_QUERY} characters
	 * @param before the position after which to read, or null for the first page
	 * @param limit the page size
	 * @return the page; empty when the query has no words
	 */
	Listing<Video> search(String query, @Nullable PageCursor before, int limit) {
		List<String> tokens = SearchTokenizer.tokens(query);
		if (tokens.isEmpty()) {
			return new Listing<>(List.of(), null);
		}
		if (before != null && before.rank() == null) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "before must be the 'next' value of a previous page");
		}
		// Only the tokenizer's words reach MATCH: letters, digits and '_', no operator.
		String against = String.join(" ", tokens);
		List<SearchRepository.Hit> hits = this.videos.search(against, before, limit + 1);
		Listing<SearchRepository.Hit> page = Listing.of(hits, limit,
				(hit) -> new PageCursor(hit.video().createTime(), hit.video().seq(), hit.score()));
		return new Listing<>(page.items().stream().map(SearchRepository.Hit::video).toList(), page.next());
	}

}
