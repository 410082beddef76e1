package io.videoserver.api.comment;

import java.util.List;

import io.videoserver.api.RepositoryTest;
import io.videoserver.api.web.PageCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@RepositoryTest
@Import(CommentRepository.class)
class CommentRepositoryTests {

	private static final String VID = "0b0a6a0e-3f57-4c8a-9d57-5d0f8f2f6a11";

	@Autowired
	private CommentRepository comments;

	@Autowired
	private JdbcClient jdbc;

	private long authorId;

	@BeforeEach
	void video() {
		this.jdbc.sql("INSERT INTO users (login_name, pwd) VALUES ('repo-commenter', 'x')").update();
		this.authorId = this.jdbc.sql("SELECT id FROM users WHERE login_name = 'repo-commenter'")
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO video_info (id, author_id, name) VALUES (:id, :author, 'talked about')")
			.param("id", VID)
			.param("author", this.authorId)
			.update();
	}

	@Test
	void aCommentOnAnExistingVideoIsStoredWithItsAuthorsName() {
		assertThat(this.comments.insertIfVisible("c-1", VID, this.authorId, "first! é🎬")).isTrue();
		Comment stored = this.comments.findById("c-1").orElseThrow();
		assertThat(stored.videoId()).isEqualTo(VID);
		assertThat(stored.authorId()).isEqualTo(this.authorId);
		assertThat(stored.author()).isEqualTo("repo-commenter");
		assertThat(stored.content()).isEqualTo("first! é🎬");
		assertThat(stored.time()).isNotNull();
	}

	@Test
	void aCommentOnAMissingVideoIsNotStored() {
		String missing = "00000000-0000-4000-8000-000000000000";
		assertThat(this.comments.insertIfVisible("c-2", missing, this.authorId, "hi")).isFalse();
		assertThat(this.comments.findById("c-2")).isEmpty();
		assertThat(this.comments.videoVisible(missing, null)).isFalse();
		assertThat(this.comments.videoVisible(VID, null)).isTrue();
	}

	@Test
	void aPrivateVideoTakesCommentsAndShowsThemToItsOwnerOnly() {
		assertThat(this.comments.insertIfVisible("c-3", VID, this.authorId, "while public")).isTrue();
		this.jdbc.sql("UPDATE video_info SET privacy = 'private' WHERE id = :id").param("id", VID).update();
		long stranger = this.authorId + 1000;
		assertThat(this.comments.insertIfVisible("c-4", VID, stranger, "let me in")).isFalse();
		assertThat(this.comments.insertIfVisible("c-5", VID, this.authorId, "mine")).isTrue();
		assertThat(this.comments.list(VID, null, null, 10)).isEmpty();
		assertThat(this.comments.list(VID, stranger, null, 10)).isEmpty();
		assertThat(this.comments.list(VID, this.authorId, null, 10)).extracting(Comment::id)
			.containsExactlyInAnyOrder("c-3", "c-5");
		assertThat(this.comments.videoVisible(VID, null)).isFalse();
		assertThat(this.comments.videoVisible(VID, stranger)).isFalse();
		assertThat(this.comments.videoVisible(VID, this.authorId)).isTrue();
	}

	@Test
	void commentsOfOneMillisecondPageNewestFirstWithoutLoss() {
		for (int i = 0; i < 5; i++) {
			this.jdbc.sql("""
					INSERT INTO comments (id, video_id, author_id, content, time)
					VALUES (:id, :vid, :author, :content, '2026-01-01 10:00:00.123')""")
				.param("id", "same-ms-" + i)
				.param("vid", VID)
				.param("author", this.authorId)
				.param("content", "c" + i)
				.update();
		}
		List<Comment> first = this.comments.list(VID, null, null, 2);
		Comment last = first.get(1);
		List<Comment> rest = this.comments.list(VID, null, new PageCursor(last.time(), last.seq()), 10);
		assertThat(first).extracting(Comment::content).containsExactly("c4", "c3");
		assertThat(rest).extracting(Comment::content).containsExactly("c2", "c1", "c0");
	}

	@Test
	void aCommentTheOriginalLeftWithoutAnAuthorStillReads() {
		this.jdbc.sql("INSERT INTO comments (id, video_id, author_id, content) VALUES ('orphan', :vid, NULL, 'old')")
			.param("vid", VID)
			.update();
		Comment orphan = this.comments.findById("orphan").orElseThrow();
		assertThat(orphan.authorId()).isZero();
		assertThat(orphan.author()).isNull();
	}

}
