package io.videoserver.api.video;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.videoserver.api.RepositoryTest;
import io.videoserver.api.web.PageCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@RepositoryTest
@Import({ VideoRepository.class, SearchRepository.class })
class VideoRepositoryTests {

	@Autowired
	private VideoRepository videos;

	@Autowired
	private SearchRepository search;

	@Autowired
	private JdbcClient jdbc;

	private static final String AUTHOR = "repo-author";

	private static final VideoFilter OWNED = new VideoFilter(AUTHOR, null, true, false);

	private long authorId;

	private int inserted;

	@BeforeEach
	void author() {
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES (:name, 'x')").param("name", AUTHOR).update();
		this.authorId = this.jdbc.sql("SELECT id FROM users WHERE login_name = :name")
			.param("name", AUTHOR)
			.query(Long.class)
			.single();
	}

	@Test
	void videosOfOneMillisecondPageInInsertionOrderWithoutLoss() {
		for (int i = 0; i < 5; i++) {
			this.jdbc.sql("""
					INSERT INTO video_info (id, author_id, name, create_time)
					VALUES (UUID(), :author, :name, '2026-01-01 10:00:00.123')""")
				.param("author", this.authorId)
				.param("name", "same-ms-" + i)
				.update();
		}
		List<Video> first = this.videos.list(OWNED, null, 2);
		Video last = first.get(1);
		List<Video> rest = this.videos.list(OWNED, new PageCursor(last.createTime(), last.seq()), 10);
		assertThat(first).extracting(Video::name).containsExactly("same-ms-4", "same-ms-3");
		assertThat(rest).extracting(Video::name).containsExactly("same-ms-2", "same-ms-1", "same-ms-0");
	}

	@Test
	void anUnknownAuthorListsNothingAndDoesNotExist() {
		assertThat(this.videos.list(new VideoFilter("repo-nobody", null, true, false), null, 10)).isEmpty();
		assertThat(this.videos.userExists("repo-nobody")).isFalse();
		assertThat(this.videos.userExists(AUTHOR)).isTrue();
	}

	@Test
	void millisecondsSurviveTheCursorComparison() {
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name, create_time) VALUES
				  (UUID(), :author, 'earlier', '2026-01-01 10:00:00.100'),
				  (UUID(), :author, 'later', '2026-01-01 10:00:00.900')""").param("author", this.authorId).update();
		Video later = this.videos.list(OWNED, null, 1).get(0);
		assertThat(later.name()).isEqualTo("later");
		assertThat(this.videos.list(OWNED, new PageCursor(later.createTime(), later.seq()), 10)).extracting(Video::name)
			.containsExactly("earlier");
	}

	@Test
	void aVideoTheOriginalLeftWithoutAnAuthorStillReads() {
		this.jdbc.sql(
				"INSERT INTO video_info (id, author_id, name) VALUES ('0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11', NULL, 'orphan')")
			.update();
		Video orphan = this.videos.findById("0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11").orElseThrow();
		assertThat(orphan.authorId()).isZero();
		assertThat(orphan.author()).isNull();
	}

	@Test
	void queueingAFileTwiceKeepsOneRowAndMakesItDueAgain() {
		String id = "1c1b7b1f-4068-4d9b-8e68-6e1f9f3f7b22";
		this.videos.queueFileDeletion(id);
		this.jdbc.sql("UPDATE video_del_rec SET parked = TRUE WHERE video_id = :id").param("id", id).update();
		this.videos.queueFileDeletion(id);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM video_del_rec WHERE video_id = :id AND parked = FALSE")
			.param("id", id)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void eachVideoReadsWithItsTranscodingRowInOneStatementOrWithoutOne() {
		String none = video("no-upload-yet", null);
		String queued = video("queued-upload", 1000L);
		String running = video("running-mp4", 2000L);
		String ready = video("ready-upload", 3000L);
		String failed = video("failed-upload", 4000L);
		transcode(queued, "upload", "queued", 0, null, null, null);
		transcode(running, "video", "running", 42, null, null, null);
		transcode(ready, "upload", "ready", 100, null, "k3x9", "240,480");
		transcode(failed, "upload", "failed", 37, "The file ends in the middle of a frame", null, null);

		assertThat(this.videos.findById(none).orElseThrow().transcode()).isNull();
		assertThat(this.videos.findById(queued).orElseThrow().transcode())
			.isEqualTo(new Transcode("upload", "queued", 0, null, null, null));
		assertThat(this.videos.findById(ready).orElseThrow().transcode())
			.isEqualTo(new Transcode("upload", "ready", 100, null, "k3x9", "240,480"));
		assertThat(this.videos.list(OWNED, null, 10)).extracting(Video::name, Video::transcode)
			.containsExactly(
					tuple("failed-upload",
							new Transcode("upload", "failed", 37, "The file ends in the middle of a frame", null,
									null)),
					tuple("ready-upload", new Transcode("upload", "ready", 100, null, "k3x9", "240,480")),
					tuple("running-mp4", new Transcode("video", "running", 42, null, null, null)),
					tuple("queued-upload", new Transcode("upload", "queued", 0, null, null, null)),
					tuple("no-upload-yet", null));
		assertThat(this.videos.list(new VideoFilter(null, null, false, false), null, 100))
			.filteredOn((video) -> video.authorId() == this.authorId)
			.extracting(Video::name, Video::playable)
			.containsExactly(tuple("failed-upload", false), tuple("ready-upload", true), tuple("running-mp4", true),
					tuple("queued-upload", false), tuple("no-upload-yet", false));
	}

	@Test
	void anMp4StoredBeforeTranscodingExistedIsPlayableWithoutARow() {
		String id = video("before-v7", 5000L);
		Video video = this.videos.findById(id).orElseThrow();
		assertThat(video.transcode()).isNull();
		assertThat(video.playable()).isTrue();
	}

	@Test
	void tenTagsOfThirtyTwoFourByteCharactersComeBackWholeInOneColumn() {
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			tags.add(Character.toString(0x1F600 + i).repeat(32));
		}
		String id = UUID.randomUUID().toString();
		this.videos.insert(id, this.authorId, new VideoFields("tagged", "about", tags, "public"));
		Video video = this.videos.findById(id).orElseThrow();
		assertThat(video.tags()).containsExactlyElementsOf(tags);
		assertThat(video.description()).isEqualTo("about");
		assertThat(video.views()).isZero();
		assertThat(this.videos.findById(video("untagged", null)).orElseThrow().tags()).isEmpty();
	}

	@Test
	void anUpdateReplacesTheFieldsTagsAndSearchText() {
		String id = UUID.randomUUID().toString();
		this.videos.insert(id, this.authorId, new VideoFields("old", null, List.of("a", "b"), "public"));
		this.videos.update(id, new VideoFields("new", "text", List.of("c"), "private"));
		Video video = this.videos.findById(id).orElseThrow();
		assertThat(video).extracting(Video::name, Video::description, Video::tags, Video::privacy)
			.containsExactly("new", "text", List.of("c"), "private");
		assertThat(this.jdbc.sql("SELECT search_text FROM video_info WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("new text c__");
	}

	@Test
	void othersSeePublicVideosOnlyAndTheOwnerSeesAll() {
		String shown = video("shown", null);
		String unlisted = video("unlisted", null);
		String hidden = video("hidden", null);
		privacy(unlisted, "unlisted");
		privacy(hidden, "private");
		assertThat(this.videos.list(OWNED, null, 10)).extracting(Video::id).containsExactly(hidden, unlisted, shown);
		assertThat(this.videos.list(new VideoFilter(AUTHOR, null, false, false), null, 10)).extracting(Video::id)
			.containsExactly(shown);
	}

	@Test
	void theIndexerFillsOnlyTextsThatAreStillEmpty() {
		String id = video("Indexed Title", null);
		assertThat(this.search.unindexed(1000)).extracting(Video::id).contains(id);
		assertThat(this.search.index(id, "indexed title")).isTrue();
		assertThat(this.search.index(id, "a later, stale text")).as("a second replica writes nothing").isFalse();
		assertThat(this.search.unindexed(1000)).extracting(Video::id).doesNotContain(id);
	}

	private void privacy(String id, String privacy) {
		this.jdbc.sql("UPDATE video_info SET privacy = :p WHERE id = :id").param("p", privacy).param("id", id).update();
	}

	private String video(String name, Long fileSize) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name, create_time, file_size)
				VALUES (:id, :author, :name, NOW(3) + INTERVAL :order MICROSECOND, :size)""")
			.param("id", id)
			.param("author", this.authorId)
			.param("name", name)
			.param("order", ++this.inserted * 1000)
			.param("size", fileSize)
			.update();
		return id;
	}

	private void transcode(String id, String source, String state, int progress, String error, String version,
			String renditions) {
		this.jdbc.sql("""
				INSERT INTO video_transcode (video_id, source, state, progress, last_error, hls_version, renditions)
				VALUES (:id, :source, :state, :progress, :error, :version, :renditions)""")
			.param("id", id)
			.param("source", source)
			.param("state", state)
			.param("progress", progress)
			.param("error", error)
			.param("version", version)
			.param("renditions", renditions)
			.update();
	}

}
