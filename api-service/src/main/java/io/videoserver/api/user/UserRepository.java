package io.videoserver.api.user;

import java.util.Optional;

import io.videoserver.shared.StorageQuota;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the original's {@code users} table.
 */
@Repository
class UserRepository {

	/** Maps by column name, written out: see VideoRepository for why. */
	private static final RowMapper<User> ROW = (rs, rowNum) -> new User(rs.getLong("id"), rs.getString("login_name"),
			rs.getString("pwd"), rs.getBoolean("pwd_legacy"));

	private static final RowMapper<Storage> STORAGE = (rs,
			rowNum) -> new Storage(rs.getObject("quota_bytes", Long.class), rs.getLong("used_bytes"));

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<User> findByLoginName(String loginName) {
		return this.jdbc.sql("SELECT id, login_name, pwd, pwd_legacy FROM users WHERE login_name = :name")
			.param("name", loginName)
			.query(ROW)
			.optional();
	}

	/**
	 * A user's own storage quota, if they have one, and what their videos take.
	 * @param id the user
	 * @return the storage figures
	 */
	Storage storage(long id) {
		return this.jdbc
			.sql("SELECT u.quota_bytes, " + StorageQuota.usedBytesOf("u.id")
					+ " AS used_bytes FROM users u WHERE u.id = :id")
			.param("id", id)
			.query(STORAGE)
			.single();
	}

	/**
	 * Inserts a user.
	 * @param loginName the user name
	 * @param hash the password hash
	 * @return the new user's id
	 * @throws org.springframework.dao.DuplicateKeyException when the name is taken
	 */
	long insert(String loginName, String hash) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO users (login_name, pwd, pwd_legacy) VALUES (:name, :pwd, FALSE)")
			.param("name", loginName)
			.param("pwd", hash)
			.update(keys);
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Replaces a clear-text legacy password by its hash, once.
	 * @param id the user
	 * @param hash the new hash
	 */
	void replaceLegacyPassword(long id, String hash) {
		this.jdbc.sql("UPDATE users SET pwd = :pwd, pwd_legacy = FALSE WHERE id = :id AND pwd_legacy = TRUE")
			.param("pwd", hash)
			.param("id", id)
			.update();
	}

	/**
	 * A user's storage.
	 *
	 * @param quotaBytes their own quota, null for the configured default
	 * @param usedBytes what their stored files take
	 */
	record Storage(@Nullable Long quotaBytes, long usedBytes) {
	}

}
