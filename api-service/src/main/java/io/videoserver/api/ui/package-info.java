/**
 * What the browser UI needs from the api-service beyond the original's API: where the
 * stream-service is, who is logged in, and the security headers of the pages.
 */
@NullMarked
package io.videoserver.api.ui;

import org.jspecify.annotations.NullMarked;
