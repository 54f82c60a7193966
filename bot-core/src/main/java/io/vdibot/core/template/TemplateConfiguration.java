package io.vdibot.core.template;

import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.template.TemplateCreateHandler;
import io.vdibot.rhev.template.TemplateMigrateHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template commands: {@code template create} and {@code template migrate} between sites. */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    public TemplateCreateHandler templateCreateHandler(InventoryCache inventory) {
        return new TemplateCreateHandler(inventory);
    }

    /** {@code vdibot.migration.move-back-default}: return the export domain to the source site after a migration. */
    @Bean
    public TemplateMigrateHandler templateMigrateHandler(InventoryCache inventory, ResourceLeases leases,
            @Value("${vdibot.migration.move-back-default:true}") boolean moveBackDefault) {
        return new TemplateMigrateHandler(inventory, leases, moveBackDefault);
    }
}
