package io.vdibot.core.vm;

import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.vm.VmCreateHandler;
import io.vdibot.rhev.vm.VmDeleteHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The VM commands: {@code vm create} and {@code vm delete}, run against the engines. */
@Configuration(proxyBeanMethods = false)
public class VmConfiguration {

    @Bean
    public VmCreateHandler vmCreateHandler(InventoryCache inventory) {
        return new VmCreateHandler(inventory);
    }

    @Bean
    public VmDeleteHandler vmDeleteHandler(InventoryCache inventory) {
        return new VmDeleteHandler(inventory);
    }
}
