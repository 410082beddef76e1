-- The writer of a resumable (tus) upload, across every stream-service replica that shares
-- the upload's directory: one row per upload being written, held by one request (holder, a
-- random id) until expires_at. The holder renews it while it works; a crashed replica's
-- row simply expires (VIDEO_UPLOAD_LEASE_TTL), and the next writer takes it over.
CREATE TABLE upload_lease (
    upload_id  CHAR(32)    NOT NULL,
    holder     CHAR(32)    NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    PRIMARY KEY (upload_id),
    KEY idx_upload_lease_expires (expires_at)
) DEFAULT CHARSET = utf8mb4;
