package io.videoserver.shared;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
 * so no session id or password reaches a log. A request that goes on asynchronously (the
 * api-service reads bodies so) is logged once, when it ends, under the one id.
 */
public class RequestLogFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ID_ATTRIBUTE = RequestLogFilter.class.getName() + ".id";

	private static final Logger log = LoggerFactory.getLogger("io.videoserver.access");

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object known = request.getAttribute(ID_ATTRIBUTE);
		String id = (known instanceof String value) ? value : idFor(request);
		MDC.put(MDC_KEY, id);
		if (known != null) {
			// a later dispatch of a request already being logged: its lines carry the id
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(MDC_KEY);
			}
			return;
		}
		request.setAttribute(ID_ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new LogAtCompletion(request, response, id, start));
			}
			else {
				log(request, response, start);
			}
			MDC.remove(MDC_KEY);
		}
	}

	private static String idFor(HttpServletRequest request) {
		String offered = request.getHeader(HEADER);
		return (offered != null && SAFE_ID.matcher(offered).matches()) ? offered : newRequestId();
	}

	private static void log(HttpServletRequest request, HttpServletResponse response, long start) {
		if (log.isInfoEnabled()) {
			log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	/** Logs a request that went on asynchronously once it has ended, whichever way. */
	private record LogAtCompletion(HttpServletRequest request, HttpServletResponse response, String id,
			long start) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			MDC.put(MDC_KEY, this.id);
			try {
				log(this.request, this.response, this.start);
			}
			finally {
				MDC.remove(MDC_KEY);
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
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
