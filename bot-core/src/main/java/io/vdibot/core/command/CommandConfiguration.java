package io.vdibot.core.command;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.spec.CommandRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command registry (every spec in the command feature packages) and the handler registry (every handler bean
 * the feature configurations declare), checked against each other when the bot starts.
 */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    public CommandRegistry commandRegistry() {
        return CommandScan.registry();
    }

    @Bean
    public HandlerRegistry handlerRegistry(CommandRegistry commands, ObjectProvider<TaskHandler<?>> taskHandlers,
            ObjectProvider<TaskHandlerGroup> taskHandlerGroups, ObjectProvider<QueryHandler<?>> queryHandlers) {
        List<TaskHandler<?>> tasks = new ArrayList<>(taskHandlers.stream().toList());
        taskHandlerGroups.forEach(group -> tasks.addAll(group.handlers()));
        return new HandlerRegistry(commands, tasks, queryHandlers.stream().toList());
    }
}
