/**
 * The api-service's video feature.
 */
@NullMarked
package io.videoserver.api.video;

import org.jspecify.annotations.NullMarked;
