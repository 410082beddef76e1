/**
 * What the three services truly share, each rule written once: the original site's error
 * body and codes with their one writer, the video id pattern, session credentials, the
 * staging files' names, the storage quota, the trusted proxies, the filters every service
 * runs first (request log, canonical path) or reuses (rate limit, cross-site refusal) and
 * their order, and the health checks and start-up migration of the one database.
 */
@NullMarked
package io.videoserver.shared;

import org.jspecify.annotations.NullMarked;
