/**
 * End-to-end tests of the web UI (a real headless Chromium against the real services) and
 * of the stream-service's jar under crashes, shutdowns and slow clients.
 */
@NullMarked
package io.videoserver.e2e;

import org.jspecify.annotations.NullMarked;
