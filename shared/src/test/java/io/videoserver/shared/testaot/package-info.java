/**
 * What the services' AOT mode needs of their code, checked by each module's tests.
 */
@NullMarked
package io.videoserver.shared.testaot;

import org.jspecify.annotations.NullMarked;
