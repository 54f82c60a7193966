package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.inventory.PoolInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One execution of {@code pool.update}: the description, the number of prestarted VMs and the VMs one user may
 * take, changed in one engine update. The engine's pool monitor then starts or leaves VMs to match the prestarted
 * count. The result shows each changed setting before and after: after as the engine answered this task's update,
 * not as the pool reads later (another change may follow it at once).
 */
final class PoolUpdateRun extends PoolRun {

    static final String PREFLIGHT = "preflight";
    static final String UPDATE = "update-pool";

    private final PoolUpdateRequest request;

    PoolUpdateRun(PoolUpdateRequest request, TaskContext context, PoolServices services) {
        super(context, services);
        this.request = request;
    }

    /** Settings of the pool, journaled with its id so that a resumed task still shows them. */
    private record Settings(String poolId, int prestarted, int maxUserVms, String description) {

        static Settings of(PoolInfo pool) {
            return new Settings(pool.id(), pool.prestarted(), pool.maxUserVms(), pool.description());
        }

        String journal() {
            String text = description == null ? "" : description;
            return poolId + " " + prestarted + " " + maxUserVms + " "
                    + Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Settings parse(String journal) {
            String[] parts = journal.split(" ", -1);
            return new Settings(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8));
        }
    }

    TaskOutcome execute() {
        return changingInventory(this::runSteps, () -> null);
    }

    private TaskOutcome runSteps() {
        Settings before = Settings.parse(run.step(PREFLIGHT, messages.format("pool.update.progress.preflight",
                request.name(), site), () -> preflight().journal()));
        pool = poolById(request.name(), before.poolId());
        Settings after = Settings.parse(run.step(UPDATE, messages.format("pool.update.progress.update",
                request.name()), this::update));
        return outcome(before, after);
    }

    @Override
    protected RuntimeException vanished() {
        return run.fail("pool.vanished", request.name(), site);
    }

    private Settings preflight() {
        checkEngine();
        PoolInfo found = requirePool(request.name());
        run.refuse(PoolChecks.prestarted(request.prestarted(), found));
        return Settings.of(found);
    }

    private String update() {
        PoolInfo after = actions.update(site, pool.id(), request.description(), request.prestarted(),
                request.maxPerUser(), correlationId(UPDATE));
        log.deploy(Text.of("pool.update.log.updated", request.name(), after.prestarted(), after.maxUserVms(),
                after.description() == null ? "" : after.description()), messages);
        return Settings.of(after).journal();
    }

    private TaskOutcome outcome(Settings before, Settings after) {
        List<List<String>> rows = new ArrayList<>();
        if (request.description() != null) {
            rows.add(List.of(messages.format("pool.field.description"), dash(before.description()),
                    dash(after.description())));
        }
        if (request.prestarted() != null) {
            rows.add(List.of(messages.format("pool.field.prestarted"), Integer.toString(before.prestarted()),
                    Integer.toString(after.prestarted())));
        }
        if (request.maxPerUser() != null) {
            rows.add(List.of(messages.format("pool.field.max-per-user"), Integer.toString(before.maxUserVms()),
                    Integer.toString(after.maxUserVms())));
        }
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("pool.update.result.title", request.name()))
                .fields(List.of(new Field(messages.format("pool.field.pool"), request.name()),
                        new Field(messages.format("pool.field.site"), site)))
                .table(List.of(messages.format("pool.field.setting"), messages.format("pool.field.before"),
                        messages.format("pool.field.after")), rows);
        appendStepsAndLogs(reply);
        return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of("pool.update.summary", request.name(), site), messages,
                reply.build());
    }

    private static String dash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
