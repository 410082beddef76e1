-- Transcoding: every upload is made into a ladder of H.264/AAC HLS renditions (and, when the
-- upload is not one already, a faststart H.264/AAC MP4 that GET /videos/{vid} serves). One row
-- per video, worked by any scheduler-service replica: a lease (lease_owner, lease_until) lets
-- the replicas share the queue and lets a killed transcoder's job be taken over once the
-- lease lapses; attempts, back-off and parking keep failures visible, never dropped.
--
-- generation counts the uploads of the video: a new upload queues the row afresh with the
-- next generation, and a worker still busy with an older one may only write to rows of its
-- own generation, so an old result never replaces a newer upload's.
--
-- source names the file the job reads (shared.store.VideoLayout): 'video' is the stored
-- MP4 itself ({vid}, already playable); 'upload' is the upload kept as it came
-- ({vid}.source), removed once the job has made {vid} from it.
--
-- state: queued, running, ready, failed (parked after repeated failures; last_error says
-- why in words a person can read). hls_version names the published ladder
-- ({vid}.hls/{hls_version}/master.m3u8), renditions lists its heights ("240,480").
CREATE TABLE video_transcode (
    video_id        VARCHAR(64)  CHARACTER SET utf8mb4 NOT NULL,
    generation      INT          NOT NULL DEFAULT 1,
    source          VARCHAR(8)   NOT NULL,
    state           VARCHAR(8)   NOT NULL DEFAULT 'queued',
    progress        TINYINT      NOT NULL DEFAULT 0,
    queued_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    lease_owner     VARCHAR(64)  NULL,
    lease_until     DATETIME(3)  NULL,
    parked          BOOLEAN      NOT NULL DEFAULT FALSE,
    last_error      VARCHAR(512) NULL,
    hls_version     VARCHAR(32)  NULL,
    renditions      VARCHAR(64)  NULL,
    updated_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (video_id),
    KEY idx_video_transcode_due (parked, state, next_attempt_at),
    CONSTRAINT fk_video_transcode_video FOREIGN KEY (video_id) REFERENCES video_info (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Every video stored before this version gets its ladder from the queue, in the background:
-- nothing runs at start-up, and each stays playable as it is meanwhile.
INSERT INTO video_transcode (video_id, source)
SELECT id, 'video' FROM video_info WHERE file_size IS NOT NULL;
