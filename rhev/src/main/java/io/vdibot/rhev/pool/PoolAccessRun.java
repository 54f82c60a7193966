package io.vdibot.rhev.pool;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.inventory.PermissionInfo;
import io.vdibot.rhev.inventory.PoolInfo;
import java.util.List;
import java.util.Optional;

/**
 * One execution of {@code pool.grant} or {@code pool.revoke}: a directory group's role on a pool, given or taken
 * away. The group and the role are looked up by name in the engine. Both are safe to repeat: the engine returns an
 * identical grant instead of adding a second, and a revoke that finds no such grant changes nothing and says so.
 */
final class PoolAccessRun extends PoolRun {

    static final String PREFLIGHT = "preflight";
    static final String GRANT = "grant";
    static final String REVOKE = "revoke";
    private static final String NOTHING = "none";

    private final boolean grant;
    private final String name;
    private final String group;
    private final String role;

    /** Whether the run gives the role or takes it away. */
    enum Change { GRANT, REVOKE }

    PoolAccessRun(Change change, String name, String group, String role, TaskContext context,
            PoolServices services) {
        super(context, services);
        this.grant = change == Change.GRANT;
        this.name = name;
        this.group = group;
        this.role = role;
    }

    TaskOutcome execute() {
        return run.guarded(this::runSteps, () -> null);
    }

    private TaskOutcome runSteps() {
        String[] plan = run.step(PREFLIGHT, messages.format("pool.access.progress.preflight", name, group, role,
                site), this::preflight).split(" ");
        pool = poolById(name, plan[0]);
        if (grant) {
            run.step(GRANT, messages.format("pool.create.progress.grant", group, role, name),
                    () -> grant(plan[1], plan[2]));
            return outcome(TaskStatus.SUCCEEDED, Reply.Tone.SUCCESS, "pool.grant.result.title",
                    "pool.grant.summary");
        }
        String revoked = run.step(REVOKE, messages.format("pool.revoke.progress.revoke", group, role, name),
                () -> revoke(plan[1], plan[2]));
        if (NOTHING.equals(revoked)) {
            return outcome(TaskStatus.SUCCEEDED, Reply.Tone.INFO, "pool.revoke.result.nothing",
                    "pool.revoke.summary.nothing");
        }
        return outcome(TaskStatus.SUCCEEDED, Reply.Tone.SUCCESS, "pool.revoke.result.title",
                "pool.revoke.summary");
    }

    @Override
    protected RuntimeException vanished() {
        return run.fail("pool.vanished", name, site);
    }

    private String preflight() {
        checkEngine();
        PoolInfo found = requirePool(name);
        String groupId = actions.groupId(site, group).orElseThrow(() -> run.fail("pool.group-not-found", group, site));
        String roleId = actions.roleId(site, role).orElseThrow(() -> run.fail("pool.role-not-found", role, site));
        return found.id() + " " + groupId + " " + roleId;
    }

    private String grant(String groupId, String roleId) {
        String permissionId = actions.grant(site, pool.id(), groupId, roleId, correlationId(GRANT)).id();
        log.deploy(Text.of("pool.log.granted", group, role, name), messages);
        return permissionId;
    }

    private String revoke(String groupId, String roleId) {
        Optional<PermissionInfo> existing = actions.grantOf(site, pool.id(), groupId, roleId);
        if (existing.isEmpty()) {
            log.deploy(Text.of("pool.revoke.log.nothing", group, role, name), messages);
            return NOTHING;
        }
        actions.revoke(site, pool.id(), existing.get().id(), correlationId(REVOKE));
        log.deploy(Text.of("pool.revoke.log.revoked", group, role, name), messages);
        return existing.get().id();
    }

    private TaskOutcome outcome(TaskStatus status, Reply.Tone tone, String titleKey, String summaryKey) {
        Reply.Builder reply = Reply.builder().tone(tone)
                .heading(messages.format(titleKey, group, role, name))
                .fields(List.of(new Field(messages.format("pool.field.pool"), name),
                        new Field(messages.format("pool.field.site"), site),
                        new Field(messages.format("pool.field.group"), group),
                        new Field(messages.format("pool.field.role"), role)));
        appendStepsAndLogs(reply);
        return TaskOutcome.of(status, Text.of(summaryKey, group, role, name, site), messages, reply.build());
    }
}
