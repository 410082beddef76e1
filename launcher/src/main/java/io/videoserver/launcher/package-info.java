/**
 * One command for a newcomer: an embedded MariaDB and the three services, each in its own
 * JVM exactly as it runs alone, with their logs on one console.
 */
@NullMarked
package io.videoserver.launcher;

import org.jspecify.annotations.NullMarked;
