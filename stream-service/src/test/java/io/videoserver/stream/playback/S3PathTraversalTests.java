package io.videoserver.stream.playback;

import io.videoserver.stream.S3Store;

/**
 * The traversal contract of {@link PathTraversalTests} with the videos in S3 (the test S3
 * server).
 */
@S3Store
class S3PathTraversalTests extends PathTraversalTests {

}
