/**
 * Web plumbing of the api-service: the session argument resolver and the rate limit.
 */
@NullMarked
package io.videoserver.api.web;

import org.jspecify.annotations.NullMarked;
