package io.vdibot.commands;

import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.VdiRequest;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Every command of the grammar, found as the bot finds them: by scanning the feature packages. */
public final class AllCommands {

    private static final CommandRegistry REGISTRY = new CommandRegistry(
            classes(CommandSpec.class).stream().<CommandSpec<?>>map(AllCommands::instantiate).toList());

    private AllCommands() {
    }

    public static CommandRegistry registry() {
        return REGISTRY;
    }

    /** Every concrete request type in the command packages, whether or not a spec parses it. */
    public static List<Class<?>> requestTypes() {
        return classes(VdiRequest.class);
    }

    private static List<Class<?>> classes(Class<?> supertype) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(supertype));
        return scanner.findCandidateComponents("io.vdibot.commands").stream().map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, AllCommands.class.getClassLoader()))
                .filter(c -> !c.getName().contains("Test"))
                .toList();
    }

    private static CommandSpec<?> instantiate(Class<?> type) {
        try {
            return (CommandSpec<?>) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a public no-argument constructor", e);
        }
    }
}
