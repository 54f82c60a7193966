package io.vdibot.rhev.template;

import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.handler.ResourceLeases;
import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.handler.TaskExecutor;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.wait.Poller;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * {@code template.migrate}: copies a template from one site to another through the NFS export domain the sites
 * share, as one task. Steps: {@code preflight}; {@code export} at the source; the domain's move
 * ({@code deactivate}, {@code detach}, {@code remove-domain} at the source, {@code import-domain}, {@code attach} at
 * the target); {@code import-template}, {@code verify}; and when configured the same move back
 * ({@code back-deactivate} … {@code back-attach}). A lease on the export domain, held in the database for the whole
 * task, keeps two migrations from moving it at once.
 */
public final class TemplateMigrateExecutor implements TaskExecutor {

    private final InventoryCache inventory;
    private final ResourceLeases leases;
    private final boolean moveBackDefault;
    private final TemplateTimings timings;
    private final Clock clock;
    private final Poller poller;

    /**
     * @param moveBackDefault whether the export domain returns to the source data center when the request does
     *                        not say ({@code move-back=})
     */
    public TemplateMigrateExecutor(InventoryCache inventory, ResourceLeases leases, boolean moveBackDefault,
            TemplateTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.moveBackDefault = moveBackDefault;
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public TemplateMigrateExecutor(InventoryCache inventory, ResourceLeases leases, boolean moveBackDefault) {
        this(inventory, leases, moveBackDefault, TemplateTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Set<String> commandIds() {
        return Set.of(TemplateMigrateRequest.COMMAND_ID);
    }

    @Override
    public TaskOutcome execute(TaskContext context) {
        if (!(context.request() instanceof TemplateMigrateRequest)) {
            throw new IllegalArgumentException("template.migrate cannot run " + context.request().commandId());
        }
        return new TemplateMigrateRun(context, inventory, leases, moveBackDefault, timings, clock, poller).execute();
    }
}
