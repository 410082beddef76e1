/**
 * The api-service's comment feature.
 */
@NullMarked
package io.videoserver.api.comment;

import org.jspecify.annotations.NullMarked;
