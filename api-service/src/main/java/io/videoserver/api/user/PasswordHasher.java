package io.videoserver.api.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes passwords with BCrypt (cost 10) on the {@link HashingPool}. BCrypt reads at most
 * 72 bytes, and the contract allows 256 characters, so the password is first reduced to
 * its SHA-256 digest (Base64, 44 bytes): every character counts and nothing is truncated.
 */
@Component
class PasswordHasher {

	/** BCrypt's default cost, 2^10 rounds: tens of milliseconds a hash on one core. */
	private static final int COST = 10;

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(COST);

	private final HashingPool pool;

	/** BCrypt's alphabet, in which a hash writes its salt and its digest. */
	private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	/** Characters of a hash's digest after its 29 of version, cost and salt. */
	private static final int DIGEST_LENGTH = 31;

	/**
	 * Checked when a user is unknown, so that a failed login costs the same time whether
	 * or not the name exists.
	 */
	private final String decoy = decoy(new SecureRandom());

	PasswordHasher(HashingPool pool) {
		this.pool = pool;
	}

	String hash(String password) {
		return this.pool.run(() -> this.bcrypt.encode(digest(password)));
	}

	boolean matches(String password, String hash) {
		return this.pool.run(() -> this.bcrypt.matches(digest(password), hash));
	}

	/**
	 * Spends the time of one hash check, for logins whose user is unknown or whose
	 * password is still the original's clear text.
	 * @param password the password offered
	 */
	void spendEqualTime(String password) {
		this.pool.run(() -> this.bcrypt.matches(digest(password), this.decoy));
	}

	/**
	 * A hash that no password matches, made without hashing: a random salt of our cost
	 * and a random digest. Checking a password against it costs what checking against a
	 * real hash costs (the work is in hashing the password with the salt), while making a
	 * real one at start-up took a few hundred milliseconds of the service's start.
	 * @param random where the salt and the digest come from
	 * @return the decoy, in BCrypt's {@code $2a$10$<salt><digest>} form
	 */
	static String decoy(SecureRandom random) {
		StringBuilder decoy = new StringBuilder(BCrypt.gensalt(COST, random));
		for (int i = 0; i < DIGEST_LENGTH; i++) {
			decoy.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return decoy.toString();
	}

	static boolean clearTextMatches(String password, String stored) {
		return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
				stored.getBytes(StandardCharsets.UTF_8));
	}

	private static String digest(String password) {
		try {
			byte[] sha = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
