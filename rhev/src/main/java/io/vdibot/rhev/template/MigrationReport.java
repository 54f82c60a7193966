package io.vdibot.rhev.template;

import io.vdibot.commands.i18n.Text;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.rhev.task.TaskRun;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a migration ends for the requester: which template version arrived where and where the export domain is now;
 * or what failed, where the domain is now and what to do about it. Either way the lease is given back.
 */
final class MigrationReport {

    private final TemplateMigrateRequest request;
    private final Messages messages;
    private final TaskRun run;
    private final DomainWhereabouts whereabouts;
    private final ExportDomainLease lease;

    MigrationReport(TemplateMigrateRequest request, Messages messages, TaskRun run, DomainWhereabouts whereabouts,
            ExportDomainLease lease) {
        this.request = request;
        this.messages = messages;
        this.run = run;
        this.whereabouts = whereabouts;
        this.lease = lease;
    }

    TaskOutcome succeeded(MigrationPlan plan, String templateId) {
        ExportDomain domain = plan.domain();
        String where = DomainWhereabouts.places(messages, domain, whereabouts.locate(domain, sites(plan)));
        lease.release();
        List<Field> fields = new ArrayList<>(List.of(
                new Field(messages.format("template.migrate.field.template"),
                        messages.format("template.migrate.template-version", plan.templateName(), plan.version())),
                new Field(messages.format("template.migrate.field.from"), messages.format(
                        "template.migrate.site-dc", request.fromSite(), plan.sourceDataCenterName())),
                new Field(messages.format("template.migrate.field.to"), messages.format(
                        "template.migrate.site-dc", request.toSite(), plan.targetDataCenterName())),
                new Field(messages.format("template.migrate.field.target"),
                        plan.targetName() + " (" + templateId + ")"),
                new Field(messages.format("template.migrate.field.cluster"), plan.targetClusterName()),
                new Field(messages.format("template.migrate.field.storage"), plan.targetStorageName())));
        if (plan.origin() != null) {
            fields.add(new Field(messages.format("template.migrate.field.brought-from"),
                    plan.origin().describe(messages)));
        }
        fields.add(new Field(messages.format("template.migrate.field.export-domain"),
                domain.name() + " (" + domain.location() + "): " + where));
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.SUCCESS)
                .heading(messages.format("template.migrate.result.title", plan.templateName(), plan.version(),
                        request.toSite(), plan.targetName()))
                .fields(fields);
        return TaskOutcome.of(TaskStatus.SUCCEEDED, Text.of("template.migrate.summary", plan.templateName(),
                plan.version(), request.fromSite(), request.toSite(), plan.targetName(), domain.name(), where), messages,
                run.appendSteps(reply).build());
    }

    /**
     * The failure as the requester reads it: the reason with the engine's words; where the export domain is now and
     * what to do about it (or, with no plan yet, that nothing was moved); and the lease, given back so the next
     * migration can run. The estate is not rolled back: a half-moved domain is safer described than moved again by
     * a failing task.
     */
    TaskFailure failed(MigrationPlan plan, String reason, RuntimeException cause) {
        run.logStepFailed(reason);
        StringBuilder message = new StringBuilder(reason);
        if (plan == null) {
            message.append(' ').append(messages.format("template.migrate.nothing-moved"));
        } else {
            ExportDomain domain = plan.domain();
            List<DomainWhereabouts.Place> places = whereabouts.locate(domain, sites(plan));
            String where = DomainWhereabouts.describe(messages, domain, places);
            boolean inPlace = places.stream().anyMatch(p -> p.site().equals(request.fromSite())
                    && p.attachedTo(plan.sourceDataCenterId()) && "active".equals(p.status()));
            String advice = inPlace
                    ? messages.format("template.migrate.advice.in-place")
                    : messages.format("template.migrate.advice.bring-back", plan.sourceDataCenterName(),
                            request.fromSite(), domain.location());
            run.log().error(where);
            message.append(' ').append(where).append(' ').append(advice);
        }
        String cleanedUp = lease.release()
                .map(key -> messages.format("template.migrate.lease-released", key)).orElse(null);
        return new TaskFailure(message.toString(), cleanedUp, cause, true);
    }

    /** The engines that may have the domain: both ends, and the site it was brought from. */
    private List<String> sites(MigrationPlan plan) {
        Set<String> sites = new LinkedHashSet<>(List.of(request.fromSite(), request.toSite()));
        if (plan.origin() != null) {
            sites.add(plan.origin().site());
        }
        return List.copyOf(sites);
    }
}
