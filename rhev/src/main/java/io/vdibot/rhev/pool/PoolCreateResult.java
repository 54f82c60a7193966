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
 * The result of a {@code pool.create} task: succeeded, or partially when VMs are missing, still locked or without an
 * address (each named); the pool's settings, a table of every VM with its status and address, the steps and logs.
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
     * @param vms            the pool's VMs as they are now, in name order
     * @param withoutAddress started VMs that had no address after their retry
     * @param stuck          VMs still having their disks created when their batch's wait ended
     * @param stepsAndLogs   adds the run's steps table and log summary
     */
    TaskOutcome outcome(PoolCreatePlan plan, List<VmInfo> vms, List<String> withoutAddress, List<String> stuck,
            Consumer<Reply.Builder> stepsAndLogs) {
        int running = (int) vms.stream().filter(vm -> vm.isUp() && vm.ipv4().isPresent()).count();
        int missing = Math.max(0, request.size() - vms.size());
        boolean partial = missing > 0 || !stuck.isEmpty() || !withoutAddress.isEmpty();
        Reply.Builder reply = Reply.builder().tone(partial ? Reply.Tone.WARNING : Reply.Tone.SUCCESS)
                .heading(messages.format(partial ? "pool.create.result.title-partial" : "pool.create.result.title",
                        request.name()))
                .fields(fields(plan, vms.size(), running));
        if (partial) {
            if (!withoutAddress.isEmpty()) {
                reply.text(messages.format("pool.create.result.no-address", withoutAddress.size(),
                        String.join(", ", withoutAddress)));
            }
            if (!stuck.isEmpty()) {
                reply.text(messages.format("pool.create.result.still-locked", String.join(", ", stuck)));
            }
            if (missing > 0) {
                reply.text(messages.format("pool.create.result.missing", missing, request.size()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (VmInfo vm : vms) {
            rows.add(List.of(vm.name(), vm.status() == null ? "-" : vm.status(), vm.ipv4().orElse("-")));
        }
        reply.text(messages.format("pool.create.result.vms"))
                .table(List.of(messages.format("pool.field.vm"), messages.format("pool.field.status"),
                        messages.format("pool.field.ip")), rows);
        stepsAndLogs.accept(reply);
        String summary = partial
                ? messages.format("pool.create.summary.partial", request.name(), site, vms.size(), running,
                        withoutAddress.size() + stuck.size() + missing)
                : messages.format("pool.create.summary", request.name(), site, vms.size(), running);
        return new TaskOutcome(partial ? TaskStatus.PARTIALLY_SUCCEEDED : TaskStatus.SUCCEEDED, summary,
                reply.build());
    }

    private List<Field> fields(PoolCreatePlan plan, int vms, int running) {
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
        fields.add(new Field(messages.format("pool.field.running"), Integer.toString(running)));
        if (request.group() != null) {
            fields.add(new Field(messages.format("pool.field.access"), messages.format("pool.access.value",
                    request.group(), request.role())));
        }
        return fields;
    }
}
