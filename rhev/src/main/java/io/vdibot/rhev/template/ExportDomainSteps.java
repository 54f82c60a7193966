package io.vdibot.rhev.template;

import io.vdibot.commands.handler.TaskContext;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.task.CorrelationIds;
import io.vdibot.rhev.task.TaskRun;
import io.vdibot.rhev.template.ExportDomainMove.End;
import io.vdibot.rhev.wait.Poller;
import java.util.function.BiFunction;

/**
 * The journaled steps of a migration that move the export domain: brought to the source data center first when
 * preflight found it elsewhere ({@code bring-…}), out to the target, and back ({@code back-…}). Each step is an
 * {@link ExportDomainMove} operation, which looks before it acts, so a step repeated after a restart is safe.
 */
final class ExportDomainSteps {

    static final String DEACTIVATE = "deactivate";
    static final String DETACH = "detach";
    static final String REMOVE_DOMAIN = "remove-domain";
    static final String IMPORT_DOMAIN = "import-domain";
    static final String ATTACH = "attach";
    /** The move back reuses the move's steps under this prefix: {@code back-deactivate} … {@code back-attach}. */
    static final String BACK = "back-";
    /** Bringing the domain from where it was found reuses them under this one. */
    static final String BRING = "bring-";

    private final TaskRun run;
    private final TaskContext context;
    private final Messages messages;
    private final ExportDomain domain;
    private final ExportDomainMove move;

    ExportDomainSteps(TaskRun run, TaskContext context, ExportDomains domains, ExportDomain domain,
            TemplateTimings timings, Poller poller) {
        this.run = run;
        this.context = context;
        this.messages = context.messages();
        this.domain = domain;
        this.move = new ExportDomainMove(context, domains, domain, timings, poller);
    }

    /** From {@code from}'s data center to {@code to}'s, on another engine: all five steps. */
    void move(End from, End to, String prefix) {
        release(from, prefix);
        transfer(from, to, prefix);
        attach(to, prefix);
        context.progress().milestone(Reply.text(messages.format("template.migrate.milestone.domain-moved",
                domain.name(), to.dataCenterName(), to.site())));
    }

    /**
     * From where preflight found it to the source data center, doing only what that place needs: a domain in
     * maintenance there is only activated; one attached elsewhere is first put into maintenance and detached; one
     * on another engine is removed from it and imported into the source engine.
     */
    void bring(DomainOrigin origin, End source) {
        End from = origin.end();
        if (origin.attached() && !origin.isIn(source)) {
            release(from, BRING);
        }
        if (!origin.site().equals(source.site())) {
            transfer(from, source, BRING);
        }
        attach(source, BRING);
        String milestone = origin.isIn(source)
                ? messages.format("template.migrate.milestone.activated", domain.name(), origin.status(),
                        source.dataCenterName(), source.site())
                : messages.format("template.migrate.milestone.brought", domain.name(), origin.describe(messages),
                        source.dataCenterName(), source.site());
        run.log().deploy(milestone);
        context.progress().milestone(Reply.text(milestone));
    }

    /** Maintenance, then detached from {@code from}'s data center. */
    private void release(End from, String prefix) {
        step(prefix + DEACTIVATE, "template.migrate.progress.deactivate", from, move::deactivate);
        step(prefix + DETACH, "template.migrate.progress.detach", from, move::detach);
    }

    /** Removed from {@code from}'s engine, keeping its data, and imported into {@code to}'s. */
    private void transfer(End from, End to, String prefix) {
        run.step(prefix + REMOVE_DOMAIN, messages.format("template.migrate.progress.remove-domain", domain.name(),
                from.site()), () -> move.remove(from, correlation(prefix + REMOVE_DOMAIN)));
        run.step(prefix + IMPORT_DOMAIN, messages.format("template.migrate.progress.import-domain", domain.name(),
                to.site()), () -> move.importInto(to, correlation(prefix + IMPORT_DOMAIN)));
    }

    private void attach(End to, String prefix) {
        step(prefix + ATTACH, "template.migrate.progress.attach", to, move::attach);
    }

    /** A step whose progress names the domain, the data center and the site. */
    private void step(String step, String progressKey, End end, BiFunction<End, String, String> action) {
        run.step(step, messages.format(progressKey, domain.name(), end.dataCenterName(), end.site()),
                () -> action.apply(end, correlation(step)));
    }

    private String correlation(String step) {
        return CorrelationIds.of(context.taskCode(), step);
    }
}
