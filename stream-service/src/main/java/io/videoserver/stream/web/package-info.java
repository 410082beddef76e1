/**
 * Web plumbing shared by the features: cross-origin access for the web UI and the test
 * page.
 */
@NullMarked
package io.videoserver.stream.web;

import org.jspecify.annotations.NullMarked;
