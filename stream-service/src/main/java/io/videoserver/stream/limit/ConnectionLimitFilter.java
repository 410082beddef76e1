package io.videoserver.stream.limit;

import java.io.IOException;

import io.videoserver.shared.ErrorCode;
import io.videoserver.shared.ErrorResponses;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a permit of the {@link ConnectionLimiter} for the whole of each stream
 * ({@code GET /videos/*}) and upload ({@code PUT /videos/*}, {@code POST /upload/*}, the
 * tus {@code POST} and {@code PATCH} under {@code /tus/}), and gives it back exactly
 * once, however the request ends: normally, with an error, when the client aborts or when
 * an async request times out.
 */
class ConnectionLimitFilter extends OncePerRequestFilter {

	private final ConnectionLimiter limiter;

	private final ErrorResponses errors;

	ConnectionLimitFilter(ConnectionLimiter limiter, ErrorResponses errors) {
		this.limiter = limiter;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return switch (request.getMethod()) {
			case "GET", "PUT" -> !path.startsWith("/videos/");
			case "POST" -> !path.startsWith("/upload/") && !path.startsWith("/tus/");
			case "PATCH" -> !path.startsWith("/tus/");
			default -> true;
		};
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConnectionLimiter.Permit permit = this.limiter.tryAcquire();
		if (permit == null) {
			this.errors.write(response, ErrorCode.TOO_MANY_REQUESTS, "Too many concurrent streams, try again shortly",
					1);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new ReleasingListener(permit));
			}
			else {
				permit.close();
			}
		}
	}

	/** Releases the permit when an async request ends, whichever way it ends. */
	private record ReleasingListener(ConnectionLimiter.Permit permit) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.permit.close();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			this.permit.close();
		}

		@Override
		public void onError(AsyncEvent event) {
			this.permit.close();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
