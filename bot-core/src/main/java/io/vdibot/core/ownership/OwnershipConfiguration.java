package io.vdibot.core.ownership;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.core.directory.LdapDirectory;
import io.vdibot.core.execution.TaskSuccessListener;
import io.vdibot.persistence.ownership.ObjectOwners;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who owns the pools: recorded when the bot creates one, assigned by administrators, checked before a change. */
@Configuration(proxyBeanMethods = false)
public class OwnershipConfiguration {

    @Bean
    public ObjectOwners objectOwners(DataSource dataSource, Clock clock) {
        return new ObjectOwners(dataSource, clock);
    }

    @Bean
    public Ownership ownership(ObjectOwners owners) {
        return new Ownership(owners);
    }

    @Bean
    public TaskSuccessListener ownershipRecorder(ObjectOwners owners) {
        return new OwnershipRecorder(owners);
    }

    /** The directory itself: whether a group exists is asked rarely, and must be true now. */
    @Bean
    public QueryHandler<?> poolOwnerHandler(InventoryLookup inventory, LdapDirectory directory, ObjectOwners owners) {
        return new PoolOwnerHandler(inventory, directory, owners);
    }
}
