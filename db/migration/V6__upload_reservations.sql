-- Storage reserved by uploads in progress, so that the quota counts them on every replica:
-- a tus upload reserves its Upload-Length from creation until its video is recorded, it is
-- terminated or it expires; a form or raw upload reserves its declared size (and grows its
-- reservation as undeclared bytes arrive) while it runs. A user's free space is their quota
-- less their videos' sizes less their live reservations (expires_at in the future). A
-- running upload renews its reservation; one left by a crashed replica expires.
CREATE TABLE upload_reservation (
    id         CHAR(32)     NOT NULL,
    user_id    INT UNSIGNED NOT NULL,
    video_id   VARCHAR(64)  NOT NULL,
    bytes      BIGINT       NOT NULL,
    expires_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_upload_reservation_user (user_id, expires_at),
    KEY idx_upload_reservation_expires (expires_at)
) DEFAULT CHARSET = utf8mb4;
