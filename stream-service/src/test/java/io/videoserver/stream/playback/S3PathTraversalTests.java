package io.videoserver.stream.playback;

import io.videoserver.stream.S3Store;

/**
 * The traversal contract of {@link PathTraversalTests}, run with the videos in S3.
 */
@S3Store
class S3PathTraversalTests extends PathTraversalTests {

}
