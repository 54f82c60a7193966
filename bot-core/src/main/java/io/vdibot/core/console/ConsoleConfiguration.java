package io.vdibot.core.console;

import io.vdibot.adapters.console.ConsoleOutput;
import io.vdibot.adapters.console.ConsoleRenderer;
import io.vdibot.adapters.console.ConsoleChatAdapter;
import io.vdibot.adapters.console.ImageDirectory;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.persistence.task.TaskRepository;
import java.nio.file.Path;
import java.time.Clock;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console adapter, on by default; a service deployment turns it off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vdibot.console.enabled", havingValue = "true", matchIfMissing = true)
public class ConsoleConfiguration {

    /**
     * Where the console writes the images of its replies (dashboard charts): under the data directory, with the
     * bot's other state, where the user finds them after the run; not in a temporary folder nobody cleans up.
     */
    public static Path imageDirectory(Path dataDir) {
        return dataDir.resolve("images");
    }

    /** Standard output, shared by the console's notifier and its reader so that their lines never interleave. */
    @Bean
    public ConsoleOutput consoleOutput() {
        return ConsoleOutput.stdout();
    }

    @Bean
    public ConsoleChatAdapter consoleChatAdapter(ConsoleOutput out,
            @Value("${vdibot.data-dir:data}") Path dataDir) {
        return new ConsoleChatAdapter(out, new ConsoleRenderer(new ImageDirectory(imageDirectory(dataDir))));
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
