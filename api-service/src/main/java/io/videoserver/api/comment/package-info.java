/**
 * Comments on a video: any logged-in user posts, anyone reads them newest first.
 */
@NullMarked
package io.videoserver.api.comment;

import org.jspecify.annotations.NullMarked;
