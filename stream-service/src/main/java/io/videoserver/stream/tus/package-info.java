/**
 * Resumable uploads by the tus 1.0.0 protocol: an upload bound to one video of its owner
 * is created, receives its bytes in any number of PATCH requests that survive a
 * disconnect or a restart of the service, and ends in the completion step that every
 * upload ends in.
 */
@NullMarked
package io.videoserver.stream.tus;

import org.jspecify.annotations.NullMarked;
