package io.videoserver.scheduler.dispatch;

/**
 * The size of the deletion queue across all replicas.
 *
 * @param waiting rows still to be worked (due now or later)
 * @param parked rows that ran out of attempts and wait for an operator
 */
public record QueueCounts(long waiting, long parked) {
}
