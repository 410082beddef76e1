package io.videoserver.shared.consistency;

import java.time.Instant;

/**
 * A name the store holds: a file or object of the video directory or bucket prefix, a
 * ladder version ({@code {vid}.hls/{version}}, however many files it has), or a file of
 * the local staging directories ({@code .tus/...}), or an incomplete multipart upload
 * ({@code {name}?uploadId={id}}).
 *
 * @param name the name relative to the video directory, the staging directory or the
 * bucket's prefix
 * @param modified when it was last written (a ladder: its newest file; a multipart
 * upload: when it began)
 */
record StoredName(String name, Instant modified) {
}
