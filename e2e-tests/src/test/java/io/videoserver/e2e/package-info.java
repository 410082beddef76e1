/**
 * End-to-end tests of the web UI: a real headless Chromium against the real services.
 */
@NullMarked
package io.videoserver.e2e;

import org.jspecify.annotations.NullMarked;
