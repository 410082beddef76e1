/**
 * A TCP fault proxy for tests: put it between a service and a dependency (the test S3
 * server) to make the dependency slow, failing, resetting or cutting bodies short.
 */
@NullMarked
package io.videoserver.shared.testfault;

import org.jspecify.annotations.NullMarked;
