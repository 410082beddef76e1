-- A database as the original Go site left it: its own DDL, clear-text passwords,
-- a text TTL per session, and a queued deletion.
CREATE TABLE `users` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `login_name` varchar(64) DEFAULT NULL,
  `pwd` text NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `login_name` (`login_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `video_info` (
  `id` varchar(64) NOT NULL,
  `author_id` int(10) unsigned DEFAULT NULL,
  `name` text,
  `display_ctime` text,
  `create_time` datetime DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `comments` (
  `id` varchar(64) NOT NULL,
  `video_id` varchar(64) DEFAULT NULL,
  `author_id` int(10) DEFAULT NULL,
  `content` text,
  `time` datetime DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `sessions` (
  `session_id` tinytext NOT NULL,
  `TTL` tinytext,
  `login_name` varchar(64) DEFAULT NULL,
  PRIMARY KEY (`session_id`(64))
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE `video_del_rec` (
  `video_id` varchar(64) NOT NULL,
  PRIMARY KEY (`video_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

INSERT INTO users (id, login_name, pwd) VALUES (1, 'avenssi', 'oldpassword1'), (2, 'bob', 'hunter2hunter2');
INSERT INTO video_info (id, author_id, name, display_ctime, create_time) VALUES
  ('0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11', 1, 'my-first-video', 'Jan 02 2019, 10:03:12', '2019-01-02 10:03:12'),
  ('1c1b7b1f-4068-4d9b-8e68-6e1f9f3f7b22', 2, 'holiday', 'Feb 03 2019, 11:04:13', '2019-02-03 11:04:13');
INSERT INTO comments (id, video_id, author_id, content, time) VALUES
  ('2d2c8c20-5179-4eac-9f79-7f20a0408c33', '0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11', 2, 'nice video', '2019-01-03 09:00:00');
INSERT INTO sessions (session_id, TTL, login_name) VALUES ('3e3d9d31-628a-4fbd-a08a-8031b1519d44', '1546423392000', 'avenssi');
INSERT INTO video_del_rec (video_id) VALUES ('4f4eae42-739b-40ce-b19b-9142c262ae55');
