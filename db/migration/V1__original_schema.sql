-- The five tables of the original Go site, as it created them (but in utf8mb4).
-- A database that already holds them is baselined at this version by Flyway
-- (spring.flyway.baseline-on-migrate), so V2 upgrades old and new sites alike.

CREATE TABLE users (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT,
    login_name VARCHAR(64)  NULL,
    pwd        TEXT         NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY login_name (login_name)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE video_info (
    id            VARCHAR(64)  NOT NULL,
    author_id     INT UNSIGNED NULL,
    name          TEXT         NULL,
    display_ctime TEXT         NULL,
    create_time   DATETIME     NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE comments (
    id        VARCHAR(64)  NOT NULL,
    video_id  VARCHAR(64)  NULL,
    author_id INT UNSIGNED NULL,
    content   TEXT         NULL,
    time      DATETIME     NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE sessions (
    session_id TINYTEXT    NOT NULL,
    TTL        TINYTEXT    NULL,
    login_name VARCHAR(64) NULL,
    PRIMARY KEY (session_id(64))
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE video_del_rec (
    video_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (video_id)
) DEFAULT CHARSET = utf8mb4;
