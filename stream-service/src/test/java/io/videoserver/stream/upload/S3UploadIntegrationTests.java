package io.videoserver.stream.upload;

import io.videoserver.stream.S3Store;

/**
 * The upload contract of {@link UploadIntegrationTests} with the videos in S3 (the test
 * S3 server).
 */
@S3Store
class S3UploadIntegrationTests extends UploadIntegrationTests {

}
