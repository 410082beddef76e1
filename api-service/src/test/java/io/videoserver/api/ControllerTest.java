package io.videoserver.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.videoserver.shared.SharedWebAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/**
 * One controller in Spring MVC, with the legacy error model and the service's servlet
 * filters but no database: its collaborators are {@code @MockitoBean}s, so a change to
 * the controller is checked in seconds rather than a whole boot.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "io\\.videoserver\\.api\\.ApiProperties", "io\\.videoserver\\.api\\.ui\\.UiProperties",
				"io\\.videoserver\\.api\\.ui\\.StreamOrigin" }))
@ImportAutoConfiguration(SharedWebAutoConfiguration.class)
public @interface ControllerTest {

	/**
	 * The controllers under test.
	 * @return their classes
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
