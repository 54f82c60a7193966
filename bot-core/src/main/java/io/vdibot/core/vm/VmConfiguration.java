package io.vdibot.core.vm;

import io.vdibot.core.command.TaskHandlerGroup;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.vm.VmCreateHandler;
import io.vdibot.rhev.vm.VmDeleteHandler;
import io.vdibot.rhev.vm.VmPowerHandler;
import io.vdibot.rhev.vm.VmRestoreHandler;
import io.vdibot.rhev.vm.VmSnapshotHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The VM commands, run against the engines: {@code vm create}, {@code vm delete}, the power commands
 * {@code vm start|stop|shutdown|reboot}, {@code vm snapshot} and {@code vm restore} (which approval policy holds
 * for an approver by default: it discards what changed on the VM since the snapshot).
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
    public VmSnapshotHandler vmSnapshotHandler(InventoryCache inventory) {
        return new VmSnapshotHandler(inventory);
    }

    @Bean
    public VmRestoreHandler vmRestoreHandler(InventoryCache inventory) {
        return new VmRestoreHandler(inventory);
    }

    @Bean
    public TaskHandlerGroup vmPowerHandlers(InventoryCache inventory) {
        return new TaskHandlerGroup(VmPowerHandler.all(inventory));
    }
}
