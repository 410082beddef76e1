package io.videoserver.stream.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One open version of a video and its validators, so that a re-upload published meanwhile
 * never mixes its entity tag with the old bytes.
 */
public interface VideoSource extends Closeable {

	/** The length in bytes. */
	long size();

	/** A strong entity tag, quoted. */
	String etag();

	/** The modification time in epoch milliseconds. */
	long lastModified();

	/**
	 * The open local file, for {@code sendfile(2)}; null for bytes from a remote store.
	 */
	@Nullable FileChannel channel();

	/** Where the local file is, for Tomcat's sendfile; null when not local. */
	@Nullable Path path();

	/**
	 * The bytes of a range of exactly this version.
	 * @param first the first byte's offset
	 * @param length how many bytes, at least one
	 * @throws io.videoserver.shared.ApiException 503/012 when the version was replaced
	 * before its bytes could be read
	 * @throws IOException when the store fails
	 */
	InputStream openRange(long first, long length) throws IOException;

}
