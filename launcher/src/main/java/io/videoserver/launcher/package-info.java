/**
 * One command for a newcomer: an embedded MariaDB (unless {@code SPRING_DATASOURCE_URL}
 * names a database) and the three services, each in its own JVM exactly as it runs alone,
 * with their logs on one console.
 */
@NullMarked
package io.videoserver.launcher;

import org.jspecify.annotations.NullMarked;
