/**
 * Where the videos are kept, as the stream-service (which writes them) and the
 * scheduler-service (which deletes them) must both see it: the store kind, the bucket's
 * settings and the one way to build its client.
 */
@NullMarked
package io.videoserver.shared.store;

import org.jspecify.annotations.NullMarked;
