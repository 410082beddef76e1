/**
 * The api-service's session feature.
 */
@NullMarked
package io.videoserver.api.session;

import org.jspecify.annotations.NullMarked;
