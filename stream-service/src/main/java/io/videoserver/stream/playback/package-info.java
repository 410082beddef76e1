/**
 * Playback: one handler behind the filter fast path and the controller, RFC 9110 byte
 * ranges and conditional requests, bytes sent from file to socket outside the Java heap.
 */
@NullMarked
package io.videoserver.stream.playback;

import org.jspecify.annotations.NullMarked;
