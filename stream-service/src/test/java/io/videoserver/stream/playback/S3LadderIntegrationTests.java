package io.videoserver.stream.playback;

import io.videoserver.stream.S3Store;

/**
 * The ladder contract of {@link LadderIntegrationTests}, with the ladder's objects in S3
 * (the test S3 server).
 */
@S3Store
class S3LadderIntegrationTests extends LadderIntegrationTests {

}
