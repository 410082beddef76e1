/**
 * The api-service's user feature.
 */
@NullMarked
package io.videoserver.api.user;

import org.jspecify.annotations.NullMarked;
