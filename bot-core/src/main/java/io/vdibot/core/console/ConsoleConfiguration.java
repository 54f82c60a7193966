package io.vdibot.core.console;

import io.vdibot.adapters.console.ConsoleOutput;
import io.vdibot.adapters.console.ConsoleRenderer;
import io.vdibot.adapters.console.ConsoleThreadNotifier;
import io.vdibot.adapters.console.ImageDirectory;
import io.vdibot.commands.Platform;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console adapter, on by default; a service deployment turns it off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vdibot.console.enabled", havingValue = "true", matchIfMissing = true)
public class ConsoleConfiguration {

    /** Standard output, shared by the console's notifier and its reader so that their lines never interleave. */
    @Bean
    public ConsoleOutput consoleOutput() {
        return ConsoleOutput.stdout();
    }

    /**
     * Connects the console to the notifiers as soon as they exist, before the scheduler and the liveness sweep
     * start: a task that fires late or is taken over from a dead node at start-up posts to its thread at once,
     * long before the console begins to read its input.
     */
    @Bean
    public static BeanPostProcessor consoleNotifierRegistration(ObjectProvider<ConsoleOutput> out) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Notifiers notifiers) {
                    notifiers.register(Platform.CONSOLE, new ConsoleThreadNotifier(out.getObject(),
                            new ConsoleRenderer(ImageDirectory.temporary())));
                }
                return bean;
            }
        };
    }

    @Bean
    public ConsoleRunner consoleRunner(RequestPipeline pipeline, WorkTracker work, TaskRepository tasks,
            NodeIdentity node, Clock clock, ConsoleOutput out, VdibotProperties properties,
            ConfigurableApplicationContext context) {
        return new ConsoleRunner(pipeline, work, tasks, node, clock, out, properties, context);
    }
}
