package io.videoserver.scheduler.transcode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.videoserver.shared.VideoId;
import io.videoserver.shared.store.S3Clients;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.VideoLayout;
import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket the stream-service publishes to: the source is downloaded into the job's
 * work directory, a ladder is put object by object (its master playlist last, so a ladder
 * is complete before anything names it), the MP4 is put as the stream-service puts an
 * upload ({@code video/mp4}).
 */
final class S3TranscodeStore implements TranscodeStore, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3TranscodeStore.class);

	/** One PUT carries at most 5 GiB; a larger MP4 would need a multipart upload. */
	private static final long MAX_PUT = 5L * 1024 * 1024 * 1024;

	private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3TranscodeStore(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	static S3TranscodeStore of(S3Settings settings, int concurrency) {
		return new S3TranscodeStore(S3Clients.client(settings, concurrency + 2), settings.bucket(), settings.prefix());
	}

	@Override
	public boolean available() {
		return S3Clients.bucketAnswers(this.s3, this.bucket);
	}

	@Override
	public Path source(VideoId vid, Source source, Path workDir) throws IOException {
		String key = key(vid, source);
		Path file = workDir.resolve("source");
		try {
			this.s3.getObject((request) -> request.bucket(this.bucket).key(key), ResponseTransformer.toFile(file));
			return file;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw new NoSuchFileException(key, null, "the video's object is not in the bucket");
			}
			throw new IOException("Downloading " + key + " from S3 failed", ex);
		}
		catch (SdkException ex) {
			throw new IOException("Downloading " + key + " from S3 failed", ex);
		}
	}

	@Override
	public void publishLadder(VideoId vid, String version, Path ladder) throws IOException {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(ladder)) {
			for (Path file : listing) {
				if (VideoLayout.isHlsFile(file.getFileName().toString())) {
					files.add(file);
				}
			}
		}
		// the master playlist last: whoever reads it finds every file it names
		files.sort((a, b) -> Boolean.compare(isMaster(a), isMaster(b)));
		try {
			for (Path file : files) {
				String name = file.getFileName().toString();
				String key = this.prefix + VideoLayout.hlsFile(vid, version, name);
				this.s3.putObject((request) -> request.bucket(this.bucket)
					.key(key)
					.contentType(contentType(name))
					.cacheControl(CACHE_FOREVER), RequestBody.fromFile(file));
			}
		}
		catch (SdkException ex) {
			throw new IOException("Publishing ladder " + version + " of " + vid + " to S3 failed", ex);
		}
	}

	@Override
	public void removeLadder(VideoId vid, String version) throws IOException {
		removePrefix(this.prefix + VideoLayout.hlsVersion(vid, version) + "/");
	}

	@Override
	public String version(VideoId vid, Source which) throws IOException {
		String key = key(vid, which);
		try {
			return this.s3.headObject((request) -> request.bucket(this.bucket).key(key)).eTag();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return ABSENT;
			}
			throw new IOException("S3 HEAD of " + key + " failed", ex);
		}
		catch (SdkException ex) {
			throw new IOException("S3 HEAD of " + key + " failed", ex);
		}
	}

	@Override
	public StagedVideo stageVideo(VideoId vid, Path mp4, String expected) throws IOException {
		if (Files.size(mp4) > MAX_PUT) {
			throw new IOException("The MP4 of " + vid + " is larger than one S3 PUT carries (5 GiB)");
		}
		String key = this.prefix + VideoLayout.video(vid);
		return new StagedVideo() {

			private @Nullable String published;

			@Override
			public boolean publish() throws IOException {
				if (!expected.equals(version(vid, Source.VIDEO))) {
					return false;
				}
				try {
					this.published = putVideo(key, mp4, expected);
					return true;
				}
				catch (S3Exception ex) {
					if (changedMeanwhile(ex)) {
						return false;
					}
					throw new IOException("Storing " + key + " in S3 failed", ex);
				}
				catch (SdkException ex) {
					throw new IOException("Storing " + key + " in S3 failed", ex);
				}
			}

			@Override
			public void unpublish() throws IOException {
				if (this.published != null && this.published.equals(version(vid, Source.VIDEO))) {
					try {
						S3TranscodeStore.this.s3
							.deleteObject((request) -> request.bucket(S3TranscodeStore.this.bucket).key(key));
					}
					catch (SdkException ex) {
						throw new IOException("Removing " + key + " from S3 failed", ex);
					}
				}
			}

			@Override
			public void discard() {
				// nothing was put before publish()
			}

		};
	}

	/**
	 * Puts the MP4 at {@code {vid}}, replacing only the version the job checked (S3's
	 * conditional write), so that a re-upload landing between the check and the PUT is
	 * kept: {@code If-Match} its ETag, or {@code If-None-Match: *} where there was none.
	 * A store that ignores these headers leaves that instant open; one that answers 501
	 * to them gets the PUT without them, after the job's check alone.
	 * @return the new object's ETag
	 */
	private String putVideo(String key, Path mp4, String expected) {
		try {
			return this.s3
				.putObject(
						(request) -> onlyOver(request.bucket(this.bucket).key(key), expected).contentType("video/mp4"),
						RequestBody.fromFile(mp4))
				.eTag();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 501) {
				throw ex;
			}
			log.warn("The bucket does not take conditional writes (501); {} is put without one", key);
			return this.s3
				.putObject((request) -> request.bucket(this.bucket).key(key).contentType("video/mp4"),
						RequestBody.fromFile(mp4))
				.eTag();
		}
	}

	private static PutObjectRequest.Builder onlyOver(PutObjectRequest.Builder request, String expected) {
		return ABSENT.equals(expected) ? request.ifNoneMatch("*") : request.ifMatch(expected);
	}

	/**
	 * Whether a conditional PUT was refused because {@code {vid}} is no longer the
	 * version it expected: 412, 409 (another write to it was under way) or, for
	 * {@code If-Match}, 404 with the object gone.
	 */
	private static boolean changedMeanwhile(S3Exception ex) {
		String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
		return ex.statusCode() == 412 || ex.statusCode() == 409 || "NoSuchKey".equals(code);
	}

	@Override
	public void removeSource(VideoId vid, String expected) throws IOException {
		if (!expected.equals(version(vid, Source.UPLOAD))) {
			return;
		}
		String key = this.prefix + VideoLayout.source(vid);
		try {
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw new IOException("Deleting " + key + " from S3 failed", ex);
			}
		}
		catch (SdkException ex) {
			throw new IOException("Deleting " + key + " from S3 failed", ex);
		}
	}

	/**
	 * Deletes every object under a key prefix, a listing page (at most 1000) at a time.
	 */
	private void removePrefix(String keyPrefix) throws IOException {
		try {
			for (var page : this.s3
				.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(keyPrefix))) {
				for (S3Object object : page.contents()) {
					this.s3.deleteObject((request) -> request.bucket(this.bucket).key(object.key()));
				}
			}
		}
		catch (SdkException ex) {
			throw new IOException("Deleting " + keyPrefix + "* from S3 failed", ex);
		}
	}

	private String key(VideoId vid, Source which) {
		return this.prefix + ((which == Source.UPLOAD) ? VideoLayout.source(vid) : VideoLayout.video(vid));
	}

	static String contentType(String file) {
		if (file.endsWith(".m3u8")) {
			return "application/vnd.apple.mpegurl";
		}
		if (file.endsWith(".m4s")) {
			return "video/iso.segment";
		}
		return "video/mp4";
	}

	private static boolean isMaster(Path file) {
		return VideoLayout.MASTER_PLAYLIST.equals(file.getFileName().toString());
	}

	@Override
	public void close() {
		this.s3.close();
	}

}
