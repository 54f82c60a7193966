package io.vdibot.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.persistence.quartz.SchedulerNodes;
import io.vdibot.persistence.task.PendingApprovals;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core's meters; the registry is Spring Boot's (Prometheus at {@code /actuator/prometheus} on the management
 * port). Engine calls and the inventory cache are metered in {@code rhev}, chat calls in the adapters.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    public TaskMeters taskMeters(MeterRegistry registry, NodeIdentity node) {
        return new TaskMeters(registry, node.id());
    }

    /** Reads tables Flyway creates, so it starts after the migration. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    public ClusterGauges clusterGauges(DataSource dataSource, Clock clock, MeterRegistry registry,
            @Value("${vdibot.metrics.cluster-interval:15s}") Duration interval) {
        return new ClusterGauges(new PendingApprovals(dataSource), new SchedulerNodes(dataSource, clock), clock,
                interval, registry);
    }
}
