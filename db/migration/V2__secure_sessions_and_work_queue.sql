-- Upgrades the original schema in place: every user, video and comment is kept.

-- Users: names become exact (binary) and required; passwords that the original
-- stored in clear are flagged, and replaced by a BCrypt hash at the next login.
UPDATE users SET login_name = CONCAT('user-', id) WHERE login_name IS NULL;
ALTER TABLE users
    MODIFY login_name VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD COLUMN pwd_legacy  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);
UPDATE users SET pwd_legacy = TRUE;

-- Sessions: the original kept a text TTL and no index to expire by. Sessions are
-- short-lived, so the upgrade starts afresh (everyone logs in once more).
DROP TABLE sessions;
CREATE TABLE sessions (
    session_id CHAR(36)    CHARACTER SET ascii NOT NULL,
    login_name VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    PRIMARY KEY (session_id),
    KEY idx_sessions_expires_at (expires_at),
    KEY idx_sessions_login_name (login_name)
) DEFAULT CHARSET = utf8mb4;

-- Videos: millisecond times and an insertion sequence (seq) for a stable
-- newest-first order even within one millisecond, the stored file's size once
-- an upload completes, and an index for each list query.
UPDATE video_info SET create_time = CURRENT_TIMESTAMP WHERE create_time IS NULL;
UPDATE video_info SET name = '' WHERE name IS NULL;
ALTER TABLE video_info
    MODIFY name        TEXT        NOT NULL,
    MODIFY create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN seq       BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN file_size BIGINT NULL,
    ADD UNIQUE KEY uk_video_info_seq (seq);
CREATE INDEX idx_video_info_create_time ON video_info (create_time, seq);
CREATE INDEX idx_video_info_author ON video_info (author_id, create_time, seq);

-- Comments: the same ordering and an index per video.
UPDATE comments SET time = CURRENT_TIMESTAMP WHERE time IS NULL;
UPDATE comments SET content = '' WHERE content IS NULL;
ALTER TABLE comments
    MODIFY content TEXT        NOT NULL,
    MODIFY time    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT,
    ADD UNIQUE KEY uk_comments_seq (seq);
CREATE INDEX idx_comments_video_time ON comments (video_id, time, seq);

-- Deletion queue: a lease lets any number of scheduler replicas share the
-- queue; attempts, back-off and parking keep failures visible, never dropped.
ALTER TABLE video_del_rec
    ADD COLUMN queued_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN attempts        INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ADD COLUMN lease_owner     VARCHAR(64)  NULL,
    ADD COLUMN lease_until     DATETIME(3)  NULL,
    ADD COLUMN parked          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN last_error      VARCHAR(512) NULL;
CREATE INDEX idx_video_del_rec_due ON video_del_rec (parked, next_attempt_at);
