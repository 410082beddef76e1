package io.videoserver.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.videoserver.shared.testdb.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole api-service on a real database, driven through HTTP with MockMvc; every test
 * class with this annotation shares one context and database, so tests use unique names.
 * Lists are read from the database every time, so that a test writing rows as another
 * service would sees them at once; {@code ListingCacheApiTests} checks the list cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "video.rate-limit.requests-per-second=0", "video.login.max-failures-per-client=1000",
				"video.list-cache.ttl=0" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, Api.class })
public @interface ApiTest {

}
