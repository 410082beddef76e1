package io.videoserver.api.user;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	private final SecureRandom random = new SecureRandom();

	@Test
	void decoyIsAHashOfTheRealCostThatNoPasswordMatches() {
		String decoy = PasswordHasher.decoy(this.random);
		BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
		assertThat(decoy).hasSize(60).startsWith("$2a$10$").matches("[$]2a[$]10[$][./A-Za-z0-9]{53}");
		// a check against it hashes with its salt and cost, as against a real hash
		assertThat(encoder.matches("any password", decoy)).isFalse();
		assertThat(encoder.upgradeEncoding(decoy)).isFalse();
		String salt = decoy.substring(0, 29);
		assertThat(BCrypt.hashpw("any password", salt)).startsWith(salt).hasSize(60).isNotEqualTo(decoy);
	}

	@Test
	void everyReplicaHasItsOwnDecoy() {
		assertThat(PasswordHasher.decoy(this.random)).isNotEqualTo(PasswordHasher.decoy(this.random));
	}

}
