/**
 * The one helper that finds the real database every module's tests run against.
 */
package io.videoserver.shared.testdb;
