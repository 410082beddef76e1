/**
 * Users: registration, login (hashed passwords, throttled failures) and one's own account
 * with its storage quota.
 */
@NullMarked
package io.videoserver.api.user;

import org.jspecify.annotations.NullMarked;
