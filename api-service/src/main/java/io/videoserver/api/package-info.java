/**
 * The api-service.
 */
@NullMarked
package io.videoserver.api;

import org.jspecify.annotations.NullMarked;
