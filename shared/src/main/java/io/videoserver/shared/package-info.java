/**
 * What the three services truly share: the original site's error body and codes, the
 * video id pattern, session credentials, the trusted proxies, the filters every service
 * runs first (request log, canonical path) or reuses (rate limit, cross-site refusal),
 * and the health checks and start-up migration of the one database.
 */
@NullMarked
package io.videoserver.shared;

import org.jspecify.annotations.NullMarked;
