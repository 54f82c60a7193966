package io.vdibot.core.console;

import io.vdibot.adapters.console.ConsoleOutput;
import io.vdibot.adapters.console.ConsoleRenderer;
import io.vdibot.adapters.console.ConsoleChatAdapter;
import io.vdibot.adapters.console.ImageDirectory;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
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

    @Bean
    public ConsoleChatAdapter consoleChatAdapter(ConsoleOutput out) {
        return new ConsoleChatAdapter(out, new ConsoleRenderer(ImageDirectory.temporary()));
    }

    @Bean
    public ConsoleRunner consoleRunner(RequestPipeline pipeline, WorkTracker work, TaskRepository tasks,
            NodeIdentity node, Clock clock, ConsoleOutput out, VdibotProperties properties,
            ConfigurableApplicationContext context) {
        // in a real directory the console is its configured user only; the demo, whose people anyone may be, allows it
        return new ConsoleRunner(pipeline, work, tasks, node, clock, out, properties, context,
                properties.console().allowLogin());
    }
}
