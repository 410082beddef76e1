-- Finding and sharing videos: a description and tags, who may see a video, how often it
-- was watched, and a full-text index over what a viewer searches.
--
-- privacy: 'public' (listed and searchable), 'unlisted' (playable by its link, in no list
-- or search), 'private' (its owner only). Every existing video stays public.
--
-- search_text: the title, description and tags as the api-service's tokenizer writes them:
-- lower-case words, and every CJK character pair written as one ASCII word, so that one
-- FULLTEXT index with the server's default parser finds Chinese and Japanese titles on
-- MySQL and MariaDB alike (MariaDB has no ngram parser). NULL until the api-service has
-- indexed the row (it fills the NULL ones in the background after this migration).
--
-- view_count: views counted by the players' starts, added in batches (video_view).
ALTER TABLE video_info
    ADD COLUMN description TEXT        NULL,
    ADD COLUMN privacy     VARCHAR(8)  NOT NULL DEFAULT 'public',
    ADD COLUMN view_count  BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN search_text TEXT        NULL;
CREATE FULLTEXT INDEX ft_video_info_search ON video_info (search_text);
CREATE INDEX idx_video_info_privacy_time ON video_info (privacy, create_time, seq);
CREATE INDEX idx_video_info_views ON video_info (privacy, view_count, seq);

-- Tags, normalised (lower case, single spaces) by the api-service, at most 10 a video.
CREATE TABLE video_tag (
    video_id VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL,
    tag      VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (video_id, tag),
    KEY idx_video_tag_tag (tag, video_id),
    CONSTRAINT fk_video_tag_video FOREIGN KEY (video_id) REFERENCES video_info (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Who has been counted as a viewer of a video in the current window (a few hours), so a
-- view counts once per viewer per window across every replica: a replica writes its
-- batch with INSERT IGNORE and adds to view_count only what was new. viewer is a hash of
-- the session's user or of the client's address and user agent, never the address itself.
CREATE TABLE video_view (
    video_id     VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL,
    viewer       BINARY(16)  NOT NULL,
    window_start DATETIME    NOT NULL,
    PRIMARY KEY (video_id, viewer, window_start),
    KEY idx_video_view_window (window_start),
    CONSTRAINT fk_video_view_video FOREIGN KEY (video_id) REFERENCES video_info (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
