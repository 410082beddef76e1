/**
 * Faults for tests: a TCP fault proxy to put between a service and a dependency (the test
 * S3 server) to make the dependency slow, failing, resetting or cutting bodies short, and
 * a small tmpfs to fill a disk.
 */
@NullMarked
package io.videoserver.shared.testfault;

import org.jspecify.annotations.NullMarked;
