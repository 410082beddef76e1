/**
 * The stream-service: the application class and its settings here, one package per
 * feature below (playback, upload, tus, poster, mp4, store, limit, web).
 */
@NullMarked
package io.videoserver.stream;

import org.jspecify.annotations.NullMarked;
