-- What stream-service reads from an uploaded MP4's boxes (moov/mvhd, tkhd, stsd): shown in
-- the web UI. NULL until an upload completes, and for a codec or size the file leaves open.
ALTER TABLE video_info
    ADD COLUMN duration_ms BIGINT      NULL,
    ADD COLUMN width       INT         NULL,
    ADD COLUMN height      INT         NULL,
    ADD COLUMN codec       VARCHAR(32) NULL;
