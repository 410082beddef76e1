/**
 * Small video files of every kind an upload may be, made on demand with the bundled
 * ffmpeg, for the tests of the probe, the transcoder and the upload.
 */
@NullMarked
package io.videoserver.shared.testmedia;

import org.jspecify.annotations.NullMarked;
