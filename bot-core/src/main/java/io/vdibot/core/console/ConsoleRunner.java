package io.vdibot.core.console;

import io.vdibot.adapters.console.ConsoleAdapter;
import io.vdibot.adapters.console.ConsoleOptions;
import io.vdibot.adapters.console.ConsoleOutput;
import io.vdibot.adapters.console.SessionSummary;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import io.vdibot.core.pipeline.RequestPipeline;
import io.vdibot.core.pipeline.WorkTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the console adapter on standard input once the bot is up; at end of input, when what it
 * started has finished or been handed to the scheduler, the bot stops.
 */
public final class ConsoleRunner implements ApplicationRunner {

    private final RequestPipeline pipeline;
    private final java.util.function.BooleanSupplier idle;
    private final ConsoleOutput out;
    private final VdibotProperties properties;
    private final ConfigurableApplicationContext context;
    private final boolean loginAllowed;

    public ConsoleRunner(RequestPipeline pipeline, WorkTracker work, TaskRepository tasks, NodeIdentity node,
            Clock clock, ConsoleOutput out, VdibotProperties properties, ConfigurableApplicationContext context,
            boolean loginAllowed) {
        this.pipeline = pipeline;
        this.idle = new ConsoleIdleCheck(work, tasks, node, clock);
        this.out = out;
        this.properties = properties;
        this.context = context;
        this.loginAllowed = loginAllowed;
    }

    @Override
    public void run(ApplicationArguments args) {
        ConsoleOptions options = ConsoleOptions.defaults().withInitialUser(properties.console().user())
                .withLocale(null).withZone(properties.defaultZone())
                .withMaxIdleWait(properties.console().idleTimeout())
                .withLogin(loginAllowed);
        ConsoleAdapter adapter = new ConsoleAdapter(pipeline, idle, out, options);
        SessionSummary summary;
        try {
            summary = adapter.run(System.in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int status = summary.settled() ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
