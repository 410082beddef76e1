package io.videoserver.shared.consistency;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.videoserver.shared.consistency.Finding.Kind;
import io.videoserver.shared.StagingLayout;
import io.videoserver.shared.VideoIds;
import io.videoserver.shared.store.S3Settings;
import io.videoserver.shared.store.VideoLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares the database with the store and lists what is out of place: rows without
 * files, files without rows, leftovers of uploads and transcoding, stuck reservations and
 * leases, parked queue rows. It changes nothing; it is what an operator (or a fault test)
 * runs after a failure to see that nothing was lost or left half-made.
 * <p>
 * Work in flight is not a finding: a name written less than {@code grace} ago is left out
 * (an upload publishes its file just before it records it; a transcoder publishes its
 * ladder just before it records it), and a file or row that looks orphaned is looked at
 * again, row and file, before it is reported, since the listing and the rows are read at
 * different moments (a deletion may finish in between).
 * <p>
 * On a bucket the partial uploads are elsewhere: the bucket's incomplete multipart
 * uploads, and the files in the stream-service's local staging directory, which the check
 * reads when it is given one.
 */
public class ConsistencyChecker {

	private final JdbcClient jdbc;

	private final StoreListing store;

	private final @Nullable LocalStoreListing staging;

	private final Duration grace;

	private final Duration uploadExpireAfter;

	private final Clock clock;

	ConsistencyChecker(JdbcClient jdbc, StoreListing store, @Nullable Path staging, Duration grace,
			Duration uploadExpireAfter, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.staging = (staging != null) ? new LocalStoreListing(staging) : null;
		this.grace = grace;
		this.uploadExpireAfter = uploadExpireAfter;
		this.clock = clock;
	}

	/**
	 * A check of a local video directory, which is also the staging directory there.
	 * @param jdbc the site's database
	 * @param dir the video directory
	 * @param grace how old a name or an expired row must be to count
	 * @param uploadExpireAfter how long a resumable upload may rest before it expires
	 * @return the checker
	 */
	public static ConsistencyChecker ofDirectory(JdbcClient jdbc, Path dir, Duration grace,
			Duration uploadExpireAfter) {
		return new ConsistencyChecker(jdbc, new LocalStoreListing(dir), null, grace, uploadExpireAfter,
				Clock.systemUTC());
	}

	/**
	 * A check of a bucket's prefix and, when given, a stream-service's staging directory.
	 * @param jdbc the site's database
	 * @param client the bucket's client, open for as long as the checker is used
	 * @param bucket the bucket's name and the prefix of the video keys
	 * @param staging the stream-service's staging directory; null to leave it out (it is
	 * on another machine's disk)
	 * @param grace how old a name or an expired row must be to count
	 * @param uploadExpireAfter how long a resumable upload may rest before it expires
	 * @return the checker
	 */
	public static ConsistencyChecker ofBucket(JdbcClient jdbc, S3Client client, S3Settings bucket,
			@Nullable Path staging, Duration grace, Duration uploadExpireAfter) {
		return new ConsistencyChecker(jdbc, new S3StoreListing(client, bucket.bucket(), bucket.prefix()), staging,
				grace, uploadExpireAfter, Clock.systemUTC());
	}

	/**
	 * Runs one check.
	 * @throws IOException when the store cannot be listed
	 */
	public ConsistencyReport check() throws IOException {
		Instant started = this.clock.instant();
		Map<String, VideoRow> videos = videos();
		Set<String> deleting = pendingDeletions();
		List<StoredName> stored = this.store.list();
		List<Finding> findings = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (StoredName name : stored) {
			names.add(name.name());
			@Nullable Finding finding = ofStored(name, videos, deleting, started);
			if (finding != null && confirmed(finding, name.name())) {
				findings.add(finding);
			}
		}
		for (VideoRow video : videos.values()) {
			if (video.uploaded() && !names.contains(video.id())
					&& !(video.keepsSource() && names.contains(source(video))) && confirmedMissing(video.id())) {
				findings.add(new Finding(Kind.ROW_WITHOUT_FILE, video.id(), "recorded as uploaded (" + video.fileSize()
						+ " bytes) but neither its file nor its kept upload is stored"));
			}
		}
		findings.addAll(partialUploads(started));
		findings.addAll(stuckRows());
		return new ConsistencyReport(started, videos.size(), stored.size(), List.copyOf(findings));
	}

	private @Nullable Finding ofStored(StoredName stored, Map<String, VideoRow> videos, Set<String> deleting,
			Instant now) {
		String name = stored.name();
		boolean settled = stored.modified().isBefore(now.minus(this.grace));
		if (partial(name)) {
			return ofPartial(stored, now, "");
		}
		@Nullable String vid = videoOf(name);
		if (vid == null) {
			return settled ? new Finding(Kind.UNKNOWN_FILE, name, "a name no part of the site writes") : null;
		}
		VideoRow video = videos.get(vid);
		if (video == null) {
			return (settled && !deleting.contains(vid))
					? new Finding(Kind.FILE_WITHOUT_ROW, name, "no video row and no deletion queued for " + vid) : null;
		}
		if (!settled) {
			return null;
		}
		if (name.equals(vid)) {
			return video.uploaded() ? null
					: new Finding(Kind.UNRECORDED_FILE, name, "stored, but the video's row records no upload");
		}
		if (name.equals(source(video))) {
			return video.keepsSource() ? null
					: new Finding(Kind.LEFTOVER_SOURCE, name, "kept for a transcoding job that no longer needs it");
		}
		String published = (video.hlsVersion() != null) ? vid + VideoLayout.HLS_SUFFIX + "/" + video.hlsVersion()
				: null;
		return name.equals(published) ? null
				: new Finding(Kind.STALE_LADDER, name, "a ladder other than the published one ("
						+ ((video.hlsVersion() != null) ? video.hlsVersion() : "none") + ")");
	}

	/**
	 * The store's incomplete multipart uploads, and the partial uploads of the staging
	 * directory when the check has one (its other files are not the store's).
	 */
	private List<Finding> partialUploads(Instant now) throws IOException {
		List<Finding> findings = new ArrayList<>();
		List<StoredName> uploads = this.store.unfinishedUploads();
		// their age as of the listing: a store may report the listing's own time as an
		// upload's start when it keeps none (S3Proxy on a file system does)
		Instant listed = this.clock.instant();
		for (StoredName upload : uploads) {
			if (!upload.modified().isAfter(listed.minus(this.grace))) {
				findings.add(new Finding(Kind.STALE_PARTIAL_UPLOAD, upload.name(),
						"an incomplete multipart upload begun at " + upload.modified()));
			}
		}
		if (this.staging != null) {
			for (StoredName staged : this.staging.list()) {
				@Nullable Finding finding = partial(staged.name()) ? ofPartial(staged, now, " in the staging directory") : null;
				if (finding != null) {
					findings.add(finding);
				}
			}
		}
		return findings;
	}

	/** A partial upload's file: a form or raw upload's, or a resumable upload's. */
	private static boolean partial(String name) {
		return name.startsWith(LocalStoreListing.TUS_DIR + "/") || StagingLayout.videoOf(name) != null;
	}

	private @Nullable Finding ofPartial(StoredName stored, Instant now, String where) {
		if (stored.name().startsWith(LocalStoreListing.TUS_DIR + "/")) {
			return stored.modified().isBefore(now.minus(this.grace).minus(this.uploadExpireAfter))
					? new Finding(Kind.STALE_PARTIAL_UPLOAD, stored.name(),
							"a resumable upload's file" + where + " untouched since " + stored.modified())
					: null;
		}
		return stored.modified().isBefore(now.minus(this.grace)) ? new Finding(Kind.STALE_PARTIAL_UPLOAD, stored.name(),
				"a partial upload" + where + " untouched since " + stored.modified()) : null;
	}

	/**
	 * The video a store name belongs to: {@code {vid}}, {@code {vid}.source},
	 * {@code {vid}.hls/...}.
	 */
	private static @Nullable String videoOf(String name) {
		int dot = name.indexOf('.');
		String vid = (dot < 0) ? name : name.substring(0, dot);
		if (!VideoIds.isValid(vid)) {
			return null;
		}
		String rest = name.substring(vid.length());
		return (rest.isEmpty() || rest.equals(VideoLayout.SOURCE_SUFFIX)
				|| rest.startsWith(VideoLayout.HLS_SUFFIX + "/")) ? vid : null;
	}

	private static String source(VideoRow video) {
		return video.id() + VideoLayout.SOURCE_SUFFIX;
	}

	/** An orphaned file is reported only if, asked again, it still has no row. */
	private boolean confirmed(Finding finding, String name) throws IOException {
		if (finding.kind() != Kind.FILE_WITHOUT_ROW) {
			return true;
		}
		String vid = videoOf(name);
		return vid != null && video(vid) == null && !pendingDeletions().contains(vid) && this.store.exists(name);
	}

	/** A missing file is reported only if, asked again, the row still expects it. */
	private boolean confirmedMissing(String vid) throws IOException {
		VideoRow again = video(vid);
		if (again == null || !again.uploaded()) {
			return false;
		}
		return !this.store.exists(vid) && !(again.keepsSource() && this.store.exists(source(again)));
	}

	private List<Finding> stuckRows() {
		long graceSeconds = this.grace.toSeconds();
		List<Finding> findings = new ArrayList<>();
		this.jdbc.sql(
				"SELECT id, video_id, expires_at FROM upload_reservation WHERE expires_at < NOW(3) - INTERVAL :grace SECOND")
			.param("grace", graceSeconds)
			.query((rs, row) -> new Finding(Kind.STUCK_RESERVATION, rs.getString(1),
					"reserves space for video " + rs.getString(2) + ", expired at " + rs.getString(3)))
			.list()
			.forEach(findings::add);
		this.jdbc
			.sql("SELECT upload_id, expires_at FROM upload_lease WHERE expires_at < NOW(3) - INTERVAL :grace SECOND")
			.param("grace", graceSeconds)
			.query((rs, row) -> new Finding(Kind.STUCK_UPLOAD_LEASE, rs.getString(1),
					"a resumable upload's writer lease, expired at " + rs.getString(2)))
			.list()
			.forEach(findings::add);
		this.jdbc.sql("SELECT video_id, attempts, last_error FROM video_del_rec WHERE parked")
			.query((rs, row) -> new Finding(Kind.PARKED_DELETION, rs.getString(1),
					"deletion parked after " + rs.getInt(2) + " attempts: " + rs.getString(3)))
			.list()
			.forEach(findings::add);
		this.jdbc.sql("SELECT video_id, attempts, last_error FROM video_transcode WHERE parked")
			.query((rs, row) -> new Finding(Kind.PARKED_TRANSCODE, rs.getString(1),
					"transcoding parked after " + rs.getInt(2) + " attempts: " + rs.getString(3)))
			.list()
			.forEach(findings::add);
		return findings;
	}

	private Map<String, VideoRow> videos() {
		Map<String, VideoRow> videos = new HashMap<>();
		this.jdbc.sql(VideoRow.SELECT).query(VideoRow::of).list().forEach((video) -> videos.put(video.id(), video));
		return videos;
	}

	private @Nullable VideoRow video(String vid) {
		return this.jdbc.sql(VideoRow.SELECT + " WHERE v.id = :id")
			.param("id", vid)
			.query(VideoRow::of)
			.optional()
			.orElse(null);
	}

	private Set<String> pendingDeletions() {
		return new HashSet<>(
				this.jdbc.sql("SELECT video_id FROM video_del_rec WHERE NOT parked").query(String.class).list());
	}

}
