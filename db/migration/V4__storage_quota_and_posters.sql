-- Storage quota per user: NULL means the configured default (VIDEO_USER_QUOTA). What a user
-- uses is the sum of their videos' stored sizes; (author_id, file_size) answers that sum
-- from the index alone.
ALTER TABLE users
    ADD COLUMN quota_bytes BIGINT NULL;
CREATE INDEX idx_video_info_author_size ON video_info (author_id, file_size);

-- A poster frame per video, decoded by stream-service when an upload completes. Kept in the
-- database, not beside the video file, so that it does not depend on where files live; it
-- goes with its video (foreign key). The key needs both id columns in one character set:
-- a database of the original site still has video_info.id in utf8 (utf8mb3), so it moves
-- to utf8mb4 (lossless; a no-op on databases this project created).
ALTER TABLE video_info
    MODIFY id VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL;
CREATE TABLE video_poster (
    video_id     VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL,
    content_type VARCHAR(64) NOT NULL,
    image        MEDIUMBLOB  NOT NULL,
    created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (video_id),
    CONSTRAINT fk_video_poster_video FOREIGN KEY (video_id) REFERENCES video_info (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
