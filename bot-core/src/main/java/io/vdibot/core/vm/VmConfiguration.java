package io.vdibot.core.vm;

import io.vdibot.core.command.TaskHandlerGroup;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.vm.VmCreateHandler;
import io.vdibot.rhev.vm.VmDeleteHandler;
import io.vdibot.rhev.vm.VmPowerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The VM commands, run against the engines: {@code vm create}, {@code vm delete} and the power commands
 * {@code vm start|stop|shutdown|reboot}.
 */
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

    @Bean
    public TaskHandlerGroup vmPowerHandlers(InventoryCache inventory) {
        return new TaskHandlerGroup(VmPowerHandler.all(inventory));
    }
}
