/**
 * What every service's whole-boot integration test checks alike, written once.
 */
@NullMarked
package io.videoserver.shared.testservice;

import org.jspecify.annotations.NullMarked;
