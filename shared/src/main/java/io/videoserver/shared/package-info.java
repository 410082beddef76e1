/**
 * What the three services truly share: the original site's error body and codes, and the
 * video id pattern that guards every path and query.
 */
@NullMarked
package io.videoserver.shared;

import org.jspecify.annotations.NullMarked;
