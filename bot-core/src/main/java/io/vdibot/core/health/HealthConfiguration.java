package io.vdibot.core.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.vdibot.core.directory.LdapDirectory;
import io.vdibot.rhev.connect.EngineConnections;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /actuator/health/readiness} asks beside the database: the directory ({@code directory}) and the engines
 * ({@code sites}, checked every {@code vdibot.health.site-check-interval} in the background).
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    public SiteProbe siteProbe(EngineConnections connections, Clock clock, MeterRegistry meters,
            @Value("${vdibot.health.site-check-interval:30s}") Duration interval) {
        return new SiteProbe(connections, interval, clock, meters);
    }

    @Bean
    public SitesHealthIndicator sitesHealthIndicator(SiteProbe probe) {
        return new SitesHealthIndicator(probe);
    }

    @Bean
    public DirectoryHealthIndicator directoryHealthIndicator(LdapDirectory directory) {
        return new DirectoryHealthIndicator(directory);
    }
}
