/**
 * The dispatcher side of the deletion runner: claiming due rows of {@code video_del_rec}
 * under a lease and handing them to the executor.
 */
@NullMarked
package io.videoserver.scheduler.dispatch;

import org.jspecify.annotations.NullMarked;
