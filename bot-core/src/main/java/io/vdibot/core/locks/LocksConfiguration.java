package io.vdibot.core.locks;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskWaits;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lock commands: {@code locks} and {@code locks release RESOURCE}. */
@Configuration(proxyBeanMethods = false)
public class LocksConfiguration {

    @Bean
    public QueryHandler<?> locksHandler(ResourceLeaseRepository leases, TaskWaits waits, Clock clock) {
        return new LocksHandler(leases, waits, clock);
    }

    @Bean
    public QueryHandler<?> locksReleaseHandler(ResourceLeaseRepository leases) {
        return new LocksReleaseHandler(leases);
    }
}
