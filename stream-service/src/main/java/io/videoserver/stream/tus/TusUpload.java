package io.videoserver.stream.tus;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * What a resumable upload was created for; written once at creation, beside the file that
 * receives its bytes (whose size is its offset).
 *
 * @param id the upload's random id, the last segment of its URL
 * @param vid the video the upload is for
 * @param owner the login name of the user who created it, the only one who may continue
 * @param length the declared total size in bytes
 * @param metadata the client's {@code Upload-Metadata} header, returned as given
 */
record TusUpload(String id, String vid, String owner, long length, @Nullable String metadata) {

	void write(Writer out) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("vid", this.vid);
		properties.setProperty("owner", this.owner);
		properties.setProperty("length", Long.toString(this.length));
		if (this.metadata != null) {
			properties.setProperty("metadata", this.metadata);
		}
		properties.store(out, null);
	}

	static TusUpload read(String id, Reader in) throws IOException {
		Properties properties = new Properties();
		properties.load(in);
		String vid = properties.getProperty("vid");
		String owner = properties.getProperty("owner");
		String length = properties.getProperty("length");
		if (vid == null || owner == null || length == null) {
			throw new IOException("The description of upload " + id + " is incomplete");
		}
		return new TusUpload(id, vid, owner, Long.parseLong(length), properties.getProperty("metadata"));
	}

}
