/**
 * Where the video files live: a local directory (the default) or an S3-compatible bucket
 * that every replica sees, behind one small interface.
 */
@NullMarked
package io.videoserver.stream.store;

import org.jspecify.annotations.NullMarked;
