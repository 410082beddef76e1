package io.videoserver.stream.upload;

import io.videoserver.stream.S3Store;

/**
 * The uploads of {@link MediaUploadIntegrationTests} with the store in S3 (the test S3
 * server): a kept source is an object of its own.
 */
@S3Store
class S3MediaUploadIntegrationTests extends MediaUploadIntegrationTests {

}
