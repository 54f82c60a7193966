package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The result of a {@code pool.create} task: succeeded, or partially when VMs are missing, still locked, without an
 * address or not healthy (each named); the pool's settings with how many VMs are up with an address (when it keeps
 * VMs prestarted) and how many of those left down are healthy, a table of every VM with its status and address, the
 * steps and logs.
 */
final class PoolCreateResult {

    private final PoolCreateRequest request;
    private final String site;
    private final Messages messages;
    private final InventoryCache inventory;

    PoolCreateResult(PoolCreateRequest request, String site, Messages messages, InventoryCache inventory) {
        this.request = request;
        this.site = site;
        this.messages = messages;
        this.inventory = inventory;
    }

    /**
     * @param vms          the pool's VMs as they are now, in name order
     * @param batches      what the batches came to: VMs without an address after their retry, VMs left down and
     *                     how many of those are healthy
     * @param stuck        VMs still having their disks created when their batch's wait ended
     * @param stepsAndLogs adds the run's steps table and log summary
     */
    TaskOutcome outcome(PoolCreatePlan plan, List<VmInfo> vms, PoolBatches batches, List<String> stuck,
            Consumer<Reply.Builder> stepsAndLogs) {
        int running = (int) vms.stream().filter(vm -> vm.isUp() && vm.ipv4().isPresent()).count();
        int missing = Math.max(0, request.size() - vms.size());
        List<String> withoutAddress = batches.withoutAddress();
        List<String> unhealthy = batches.unhealthy();
        int problems = withoutAddress.size() + stuck.size() + unhealthy.size() + missing;
        boolean partial = problems > 0;
        Reply.Builder reply = Reply.builder().tone(partial ? Reply.Tone.WARNING : Reply.Tone.SUCCESS)
                .heading(messages.format(partial ? "pool.create.result.title-partial" : "pool.create.result.title",
                        request.name()))
                .fields(fields(plan, vms.size(), running, batches));
        if (!withoutAddress.isEmpty()) {
            reply.text(messages.format("pool.create.result.no-address", withoutAddress.size(),
                    String.join(", ", withoutAddress)));
        }
        if (!unhealthy.isEmpty()) {
            reply.text(messages.format("pool.batch.result.unhealthy", unhealthy.size(),
                    String.join(", ", unhealthy)));
        }
        if (!stuck.isEmpty()) {
            reply.text(messages.format("pool.create.result.still-locked", String.join(", ", stuck)));
        }
        if (missing > 0) {
            reply.text(messages.format("pool.create.result.missing", missing, request.size()));
        }
        reply.text(messages.format("pool.create.result.vms"))
                .table(PoolResultTable.headers(messages), PoolResultTable.rows(vms, messages));
        stepsAndLogs.accept(reply);
        return new TaskOutcome(partial ? TaskStatus.PARTIALLY_SUCCEEDED : TaskStatus.SUCCEEDED,
                summary(vms.size(), running, batches.healthy(), problems), reply.build());
    }

    /** Without prestarted VMs the pool's VMs are all down, and the summary says how many are healthy. */
    private String summary(int vms, int running, int healthy, int problems) {
        boolean started = prestarted() > 0;
        if (problems > 0) {
            return messages.format(started ? "pool.create.summary.partial" : "pool.create.summary.partial-healthy",
                    request.name(), site, vms, started ? running : healthy, problems);
        }
        return messages.format(started ? "pool.create.summary" : "pool.create.summary.healthy", request.name(),
                site, vms, started ? running : healthy);
    }

    private int prestarted() {
        return request.prestarted() == null ? 0 : request.prestarted();
    }

    private List<Field> fields(PoolCreatePlan plan, int vms, int running, PoolBatches batches) {
        TemplateInfo template = inventory.templateById(site, plan.templateId()).orElse(null);
        String cluster = inventory.clusterById(site, plan.clusterId()).map(ClusterInfo::name).orElse(plan.clusterId());
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(messages.format("pool.field.pool"), request.name()));
        fields.add(new Field(messages.format("pool.field.site"), site));
        fields.add(new Field(messages.format("pool.field.cluster"), cluster));
        fields.add(new Field(messages.format("pool.field.template"), template == null ? request.template()
                : messages.format(plan.followLatest() ? "pool.template.latest" : "pool.template.version",
                        template.name(), template.version())));
        fields.add(new Field(messages.format("pool.field.vms"), messages.format("pool.count.of", vms,
                request.size())));
        if (prestarted() > 0) {
            fields.add(new Field(messages.format("pool.field.running"), Integer.toString(running)));
        }
        if (batches.keptDown() > 0) {
            fields.add(new Field(messages.format("pool.field.healthy"), messages.format("pool.healthy.value",
                    batches.healthy(), batches.keptDown(), prestarted())));
        }
        if (request.group() != null) {
            fields.add(new Field(messages.format("pool.field.access"), messages.format("pool.access.value",
                    request.group(), request.role())));
        }
        return fields;
    }
}
