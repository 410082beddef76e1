/**
 * Web plumbing shared by the features: the filter chain's order, cross-origin access and
 * the cross-site refusal for the web UI, the test page, and Tomcat's connector settings.
 */
@NullMarked
package io.videoserver.stream.web;

import org.jspecify.annotations.NullMarked;
