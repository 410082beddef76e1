package io.videoserver.shared.consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.videoserver.shared.store.VideoLayout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects below the bucket's prefix, a ladder version's objects folded into one name,
 * and the incomplete multipart uploads there: what a publication that crashed, or whose
 * abort failed too, leaves in a bucket. The partial files an upload is received into are
 * not here: each stream-service replica stages them on its own disk.
 */
class S3StoreListing implements StoreListing {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3StoreListing(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	@Override
	public List<StoredName> list() {
		Map<String, StoredName> names = new LinkedHashMap<>();
		for (S3Object object : this.s3
			.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(this.prefix))
			.contents()) {
			if (object.key().endsWith("/")) {
				// a "directory" marker some stores (and file-system backed ones) list
				continue;
			}
			String name = folded(object.key().substring(this.prefix.length()));
			StoredName seen = names.get(name);
			if (seen == null || object.lastModified().isAfter(seen.modified())) {
				names.put(name, new StoredName(name, object.lastModified()));
			}
		}
		return new ArrayList<>(names.values());
	}

	@Override
	public boolean exists(String name) {
		// one key is enough: a plain object's own key, or any key of a ladder version
		return this.s3.listObjectsV2((request) -> request.bucket(this.bucket).prefix(this.prefix + name).maxKeys(1))
			.contents()
			.stream()
			.anyMatch((object) -> object.key().equals(this.prefix + name)
					|| object.key().startsWith(this.prefix + name + "/"));
	}

	/**
	 * Each as {@code {name}?uploadId={id}}, the name relative to the prefix, which is how
	 * S3 addresses one to abort it.
	 */
	@Override
	public List<StoredName> unfinishedUploads() {
		List<StoredName> uploads = new ArrayList<>();
		for (MultipartUpload upload : this.s3
			.listMultipartUploadsPaginator((request) -> request.bucket(this.bucket).prefix(this.prefix))
			.uploads()) {
			uploads.add(new StoredName(upload.key().substring(this.prefix.length()) + "?uploadId=" + upload.uploadId(),
					upload.initiated()));
		}
		return uploads;
	}

	/** {@code {vid}.hls/{version}/{file}} becomes {@code {vid}.hls/{version}}. */
	private static String folded(String name) {
		int ladder = name.indexOf(VideoLayout.HLS_SUFFIX + "/");
		if (ladder < 0) {
			return name;
		}
		int version = ladder + VideoLayout.HLS_SUFFIX.length() + 1;
		int end = name.indexOf('/', version);
		return (end < 0) ? name : name.substring(0, end);
	}

}
