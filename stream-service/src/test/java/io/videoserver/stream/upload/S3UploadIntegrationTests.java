package io.videoserver.stream.upload;

import io.videoserver.stream.S3Store;

/**
 * The upload contract of {@link UploadIntegrationTests}, run with the videos in S3.
 */
@S3Store
class S3UploadIntegrationTests extends UploadIntegrationTests {

}
