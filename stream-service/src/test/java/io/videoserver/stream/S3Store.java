package io.videoserver.stream;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link StreamIntegrationTest} with {@code VIDEO_STORE=s3} against the test S3
 * server, so one contract suite covers both stores: its subclass carries this annotation
 * and inherits every test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = S3StoreInitializer.class)
public @interface S3Store {

}
