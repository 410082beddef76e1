package io.videoserver.shared;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request, tagged with a request id that the caller may pass in
 * {@code X-Request-Id} (the web UI does, so one action can be followed from the api to
 * the stream service) and that every log line of the request carries. It logs the method,
 * the path without its query, the status and the time: never headers, cookies or bodies,
 * so no session id or password reaches a log.
 */
public class RequestLogFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Logger log = LoggerFactory.getLogger("io.videoserver.access");

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offered = request.getHeader(HEADER);
		String id = (offered != null && SAFE_ID.matcher(offered).matches()) ? offered : newRequestId();
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (log.isInfoEnabled()) {
				log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						(System.nanoTime() - start) / 1_000_000);
			}
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * A random UUID that only tells log lines apart: it guards nothing, so it comes from
	 * the thread's own generator rather than {@link UUID#randomUUID()}'s SecureRandom,
	 * which every request (each range of a video) would otherwise wait on.
	 */
	static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// the version (4) and variant (IETF) bits, as UUID.randomUUID() sets them
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(high, low).toString();
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
