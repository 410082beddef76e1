package io.videoserver.api.user;

import io.videoserver.api.RepositoryTest;
import io.videoserver.api.user.UserRepository.Storage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@RepositoryTest
@Import(UserRepository.class)
class UserRepositoryTests {

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anInsertedUserIsFoundByNameWithAHashedPassword() {
		long id = this.users.insert("repo-alice", "$2a$hash");
		assertThat(this.users.findByLoginName("repo-alice")).contains(new User(id, "repo-alice", "$2a$hash", false));
		assertThat(this.users.findByLoginName("repo-nobody")).isEmpty();
	}

	@Test
	void aTakenNameIsADuplicateKey() {
		this.users.insert("repo-taken", "$2a$one");
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.users.insert("repo-taken", "$2a$two"));
	}

	@Test
	void aLegacyPasswordIsReplacedOnceAndAHashedOneNever() {
		this.jdbc.sql("INSERT INTO users (login_name, pwd, pwd_legacy) VALUES ('repo-legacy', 'clear', TRUE)").update();
		long legacy = this.users.findByLoginName("repo-legacy").orElseThrow().id();
		this.users.replaceLegacyPassword(legacy, "$2a$new");
		assertThat(this.users.findByLoginName("repo-legacy")).get()
			.isEqualTo(new User(legacy, "repo-legacy", "$2a$new", false));
		long hashed = this.users.insert("repo-hashed", "$2a$kept");
		this.users.replaceLegacyPassword(hashed, "$2a$other");
		assertThat(this.users.findByLoginName("repo-hashed").orElseThrow().pwd()).isEqualTo("$2a$kept");
	}

	@Test
	void storageSumsTheStoredFilesOfTheUsersVideosAndReadsTheirOwnQuota() {
		long id = this.users.insert("repo-storage", "$2a$hash");
		assertThat(this.users.storage(id)).isEqualTo(new Storage(null, 0));
		this.jdbc.sql("""
				INSERT INTO video_info (id, author_id, name, file_size) VALUES
				  (UUID(), :id, 'one', 1500), (UUID(), :id, 'two', 2500), (UUID(), :id, 'no file yet', NULL)""")
			.param("id", id)
			.update();
		this.jdbc.sql("UPDATE users SET quota_bytes = 100000 WHERE id = :id").param("id", id).update();
		assertThat(this.users.storage(id)).isEqualTo(new Storage(100_000L, 4000));
	}

}
