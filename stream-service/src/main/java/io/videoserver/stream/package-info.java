/**
 * The stream-service.
 */
@NullMarked
package io.videoserver.stream;

import org.jspecify.annotations.NullMarked;
