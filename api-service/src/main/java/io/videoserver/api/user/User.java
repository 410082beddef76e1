package io.videoserver.api.user;

/**
 * A stored user; {@code pwdLegacy} marks a password the original site kept in clear.
 *
 * @param id the numeric id other tables refer to
 * @param loginName the user name
 * @param pwd the BCrypt hash, or the clear-text legacy password
 * @param pwdLegacy whether {@code pwd} is still the original's clear text
 */
record User(long id, String loginName, String pwd, boolean pwdLegacy) {

	@Override
	public String toString() {
		return "User[id=" + this.id + ", loginName=" + this.loginName + "]";
	}

}
