package io.videoserver.shared.consistency;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.videoserver.shared.transcode.TranscodeRequests.Source;
import org.jspecify.annotations.Nullable;

/**
 * What the checker needs of a video's rows: whether an upload is recorded, and what its
 * transcoding job says the store should hold.
 *
 * @param id the video id
 * @param fileSize the recorded upload's size, null before the first upload
 * @param source the job's source ({@code video} or {@code upload}), null without a job
 * @param state the job's state, null without a job
 * @param hlsVersion the published ladder, null before the first
 */
record VideoRow(String id, @Nullable Long fileSize, @Nullable String source, @Nullable String state,
		@Nullable String hlsVersion) {

	static final String SELECT = """
			SELECT v.id, v.file_size, t.source, t.state, t.hls_version
			FROM video_info v LEFT JOIN video_transcode t ON t.video_id = v.id""";

	static VideoRow of(ResultSet rs, int row) throws SQLException {
		String id = rs.getString(1);
		long size = rs.getLong(2);
		Long fileSize = rs.wasNull() ? null : size;
		return new VideoRow(id, fileSize, rs.getString(3), rs.getString(4), rs.getString(5));
	}

	boolean uploaded() {
		return this.fileSize != null;
	}

	/**
	 * Whether the store keeps the upload as it came: its job reads it and has not made
	 * the playable file from it yet.
	 */
	boolean keepsSource() {
		return Source.UPLOAD.column().equals(this.source) && !"ready".equals(this.state);
	}

}
