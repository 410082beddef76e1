package io.videoserver.stream.store;

/**
 * Where the objects are: a bucket and a key prefix (empty, or ending in {@code /}).
 *
 * @param bucket the bucket
 * @param prefix what every key starts with
 */
record S3Location(String bucket, String prefix) {
}
