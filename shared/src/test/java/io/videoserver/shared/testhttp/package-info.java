/**
 * A raw HTTP client for tests that must send what well-behaved clients refuse to.
 */
package io.videoserver.shared.testhttp;
