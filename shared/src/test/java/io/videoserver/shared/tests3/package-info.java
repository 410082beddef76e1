/**
 * A real S3 API server on loopback for the tests of the S3 video store.
 */
@NullMarked
package io.videoserver.shared.tests3;

import org.jspecify.annotations.NullMarked;
