package io.videoserver.shared.testaot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * Finds the conditions in a package's classes that read the environment. The services run
 * bean definitions generated at build time (Spring's AOT mode, README "Start-up time"),
 * where such a condition is evaluated once, with the build's settings, and never again: a
 * setting that an operator changes must be read at run time instead.
 */
public final class BuildTimeConditions {

	/** The conditions whose outcome depends on properties or profiles. */
	private static final Set<String> ENVIRONMENT_CONDITIONS = Set.of(
			"org.springframework.boot.autoconfigure.condition.ConditionalOnProperty",
			"org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty",
			"org.springframework.boot.autoconfigure.condition.ConditionalOnExpression",
			"org.springframework.context.annotation.Profile");

	private BuildTimeConditions() {
	}

	/**
	 * The classes and methods under the package (every class of it on the classpath, main
	 * and test) that carry one of those conditions, directly or as a meta-annotation.
	 * @param basePackage the package to search, e.g. {@code io.videoserver.api}
	 * @return each finding as {@code class} or {@code class#method}, none when clean
	 * @throws IOException when the classpath cannot be read
	 */
	public static List<String> in(String basePackage) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory(resolver);
		List<String> found = new ArrayList<>();
		for (Resource resource : resolver.getResources("classpath*:" + basePackage.replace('.', '/') + "/**/*.class")) {
			MetadataReader reader = readers.getMetadataReader(resource);
			AnnotationMetadata type = reader.getAnnotationMetadata();
			if (ENVIRONMENT_CONDITIONS.stream().anyMatch(type::isAnnotated)) {
				found.add(type.getClassName());
			}
			for (MethodMetadata method : type.getDeclaredMethods()) {
				if (ENVIRONMENT_CONDITIONS.stream().anyMatch(method::isAnnotated)) {
					found.add(type.getClassName() + "#" + method.getMethodName());
				}
			}
		}
		return found;
	}

}
