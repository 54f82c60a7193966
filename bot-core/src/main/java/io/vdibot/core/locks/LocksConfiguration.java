package io.vdibot.core.locks;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.persistence.lease.ResourceLeaseRepository;
import io.vdibot.persistence.task.TaskWaits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lock commands: {@code locks} and {@code locks release RESOURCE}. */
@Configuration(proxyBeanMethods = false)
public class LocksConfiguration {

    @Bean
    public QueryHandler<?> locksHandler(ResourceLeaseRepository leases, TaskWaits waits) {
        return new LocksHandler(leases, waits);
    }

    @Bean
    public QueryHandler<?> locksReleaseHandler(ResourceLeaseRepository leases) {
        return new LocksReleaseHandler(leases);
    }
}
