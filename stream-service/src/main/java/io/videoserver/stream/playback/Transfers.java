package io.videoserver.stream.playback;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the video bodies by the way their bytes left ({@code video_stream_bodies_total}
 * by {@code transfer}), so that an operator sees whether the zero-copy path is in use (it
 * is not behind TLS or HTTP/2, where bodies are copied).
 */
@Component
class Transfers {

	/** The ways a body can be sent. */
	enum Kind {

		/** {@code sendfile(2)} from the request thread ({@link ZeroCopy}). */
		ZERO_COPY,
		/** Through a direct buffer and Tomcat's socket buffer ({@link FileTransfer}). */
		COPY,
		/** Handed to Tomcat's sendfile after the request ({@link Sendfile}). */
		TOMCAT_SENDFILE,
		/** Read from a store that is not local (S3) and written through a buffer. */
		STREAM

	}

	private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

	Transfers(MeterRegistry registry) {
		for (Kind kind : Kind.values()) {
			this.counters.put(kind,
					Counter.builder("video.stream.bodies")
						.description("Video bodies sent, by how their bytes left")
						.tag("transfer", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
						.register(registry));
		}
	}

	void count(Kind kind) {
		this.counters.get(kind).increment();
	}

	/** How many bodies were sent this way since start-up. */
	long sent(Kind kind) {
		return (long) this.counters.get(kind).count();
	}

}
