package io.vdibot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.view.SitesRequest;
import io.vdibot.commands.vm.VmDeleteRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HandlerRegistryTest {

    private static final CommandRegistry COMMANDS = CommandScan.registry();

    @Test
    void theScanFindsEveryCommandOfTheFeaturePackages() {
        assertThat(COMMANDS.all()).extracting(CommandSpec::id)
                .contains("vm.create", "vm.delete", "pool.create", "template.migrate", "tasks", "help");
    }

    @Test
    void aCompleteSetFindsEachHandlerByItsRequestType() {
        Handlers all = Handlers.forEvery(COMMANDS);

        HandlerRegistry registry = new HandlerRegistry(COMMANDS, all.tasks, all.queries);

        VmDeleteRequest delete = new VmDeleteRequest("web01", null, Schedule.at(Instant.EPOCH, java.time.ZoneOffset.UTC));
        assertThat(registry.taskHandler(delete).requestType()).isEqualTo(VmDeleteRequest.class);
        assertThat(registry.queryHandler(new SitesRequest()).requestType()).isEqualTo(SitesRequest.class);
    }

    @Test
    void aTaskCommandWithoutAHandlerIsRefusedNamingIt() {
        Handlers all = Handlers.forEvery(COMMANDS);
        all.tasks.removeIf(h -> h.requestType() == VmDeleteRequest.class);

        assertThatThrownBy(() -> new HandlerRegistry(COMMANDS, all.tasks, all.queries))
                .isInstanceOf(IncompleteCommandsException.class)
                .hasMessageContaining("command vm.delete has no task handler for VmDeleteRequest");
    }

    @Test
    void twoHandlersForOneRequestAreRefused() {
        Handlers all = Handlers.forEvery(COMMANDS);
        all.queries.add(new FakeQuery<>(SitesRequest.class));

        assertThatThrownBy(() -> new HandlerRegistry(COMMANDS, all.tasks, all.queries))
                .isInstanceOf(IncompleteCommandsException.class)
                .hasMessageContaining("SitesRequest has two handlers");
    }

    @Test
    void aQueryHandlerForATaskCommandIsRefused() {
        Handlers all = Handlers.forEvery(COMMANDS);
        all.tasks.removeIf(h -> h.requestType() == VmDeleteRequest.class);
        all.queries.add(new FakeQuery<>(VmDeleteRequest.class));

        assertThatThrownBy(() -> new HandlerRegistry(COMMANDS, all.tasks, all.queries))
                .hasMessageContaining("command vm.delete has no task handler")
                .hasMessageContaining("command vm.delete is a task but has a query handler");
    }

    @Test
    void theBotDoesNotStartWhenACommandHasNoHandlerAndSaysSoInOneLine() {
        Handlers all = Handlers.forEvery(COMMANDS);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(CommandConfiguration.class);
        for (TaskHandler<?> handler : all.tasks) {
            if (handler.requestType() != VmDeleteRequest.class) {
                runner = runner.withBean(handler.requestType().getSimpleName() + "Handler", TaskHandler.class,
                        () -> handler);
            }
        }
        for (QueryHandler<?> handler : all.queries) {
            runner = runner.withBean(handler.requestType().getSimpleName() + "Handler", QueryHandler.class,
                    () -> handler);
        }

        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof IncompleteCommandsException)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(IncompleteCommandsException.class);
            FailureAnalysis analysis = new IncompleteCommandsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("the commands are incomplete: command vm.delete has no task handler for VmDeleteRequest")
                    .doesNotContain("\n");
        });
    }

    /** A handler per command of the registry, of the kind the command needs. */
    private record Handlers(List<TaskHandler<?>> tasks, List<QueryHandler<?>> queries) {

        static Handlers forEvery(CommandRegistry commands) {
            Handlers handlers = new Handlers(new ArrayList<>(), new ArrayList<>());
            for (CommandSpec<?> spec : commands.all()) {
                if (spec.isTask()) {
                    handlers.tasks.add(fakeTask(spec.requestType()));
                } else {
                    handlers.queries.add(new FakeQuery<>(spec.requestType()));
                }
            }
            return handlers;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static TaskHandler<?> fakeTask(Class<?> type) {
            return new FakeTask(type);
        }
    }

    private record FakeTask<R extends TaskRequest>(Class<R> requestType) implements TaskHandler<R> {

        @Override
        public List<Violation> validate(R request, String site) {
            return List.of();
        }

        @Override
        public TaskOutcome execute(R request, TaskContext context) {
            throw new AssertionError("not run in this test");
        }
    }

    private record FakeQuery<R extends VdiRequest>(Class<R> requestType) implements QueryHandler<R> {

        @Override
        public Reply handle(R request, Asker asker) {
            return Reply.text(requestType.getSimpleName());
        }
    }
}
