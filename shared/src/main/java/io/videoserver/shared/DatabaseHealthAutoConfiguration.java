package io.videoserver.shared;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Spring Boot's database health check ({@code db}, part of readiness) with one
 * whose result is reused for {@code video.health.db-cache-ttl}: readiness probes of every
 * replica and metric scrapes would otherwise each borrow a pooled connection, also while
 * the pool is busiest.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		before = DataSourceHealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(HealthCacheProperties.class)
public class DatabaseHealthAutoConfiguration {

	/** Named as Boot's own, which then stands back; the registry calls it {@code db}. */
	@Bean
	@ConditionalOnMissingBean(name = "dbHealthContributor")
	HealthIndicator dbHealthContributor(DataSource dataSource, HealthCacheProperties properties) {
		return new CachingHealthIndicator(new DataSourceHealthIndicator(dataSource), properties.dbCacheTtl());
	}

}
