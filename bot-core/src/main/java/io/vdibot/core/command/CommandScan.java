package io.vdibot.core.command;

import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds every {@link CommandSpec} in the command feature packages, so a new command is known by being written
 * there: no list to add it to.
 */
public final class CommandScan {

    /** Where the {@code commands} module keeps its feature packages. */
    public static final String COMMAND_PACKAGES = "io.vdibot.commands";

    private CommandScan() {
    }

    public static CommandRegistry registry() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CommandSpec.class));
        ClassLoader loader = CommandScan.class.getClassLoader();
        List<CommandSpec<?>> specs = scanner.findCandidateComponents(COMMAND_PACKAGES).stream()
                .map(BeanDefinition::getBeanClassName)
                .<CommandSpec<?>>map(name -> instantiate(ClassUtils.resolveClassName(name, loader)))
                .toList();
        return new CommandRegistry(specs);
    }

    private static CommandSpec<?> instantiate(Class<?> type) {
        try {
            return (CommandSpec<?>) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("command " + type.getSimpleName()
                    + " needs a public constructor without arguments", e);
        }
    }
}
