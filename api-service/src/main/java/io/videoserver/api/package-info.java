/**
 * The api-service: the original's users, sessions, videos and comments as JSON, and the
 * web UI; the application class and its settings here, one package per feature below.
 */
@NullMarked
package io.videoserver.api;

import org.jspecify.annotations.NullMarked;
