package io.vdibot.rhev.template;

import io.vdibot.commands.template.TemplateCreateRequest;
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
 * {@code template.create}: a template from a down VM, or a new version of an existing template. Steps:
 * {@code preflight} (engine reachable, VM, cluster, storage domain and base template known, name free),
 * {@code create-template}, {@code wait-ok}. Every step is journaled and safe to repeat: a resumed task finds the
 * template it created by name and the task code in its description.
 */
public final class TemplateCreateExecutor implements TaskExecutor {

    private final InventoryCache inventory;
    private final TemplateActions templates;
    private final CorrelatedJobs jobs;
    private final TemplateTimings timings;
    private final Clock clock;
    private final Poller poller;

    public TemplateCreateExecutor(InventoryCache inventory, TemplateTimings timings, Clock clock, Sleeper sleeper) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.templates = new TemplateActions(inventory.queries());
        this.jobs = new CorrelatedJobs(inventory.queries().calls());
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new Poller(clock, sleeper);
    }

    public TemplateCreateExecutor(InventoryCache inventory) {
        this(inventory, TemplateTimings.DEFAULTS, Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public Set<String> commandIds() {
        return Set.of(TemplateCreateRequest.COMMAND_ID);
    }

    @Override
    public TaskOutcome execute(TaskContext context) {
        if (!(context.request() instanceof TemplateCreateRequest)) {
            throw new IllegalArgumentException("template.create cannot run " + context.request().commandId());
        }
        return new TemplateCreateRun(context, inventory, templates, jobs, timings, clock, poller).execute();
    }
}
