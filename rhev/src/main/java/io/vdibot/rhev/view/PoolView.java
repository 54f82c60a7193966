package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PermissionInfo;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.PoolUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /vdi show pool NAME}: a pool's size and use (running VMs, VMs handed to users), its template version, and
 * who may take its VMs or administer it. The grants are read from the engine for this one pool.
 */
final class PoolView {

    private final InventoryCache inventory;

    PoolView(InventoryCache inventory) {
        this.inventory = inventory;
    }

    Reply show(String name, SiteChoice sites, Messages m) {
        Reply.Builder reply = Reply.builder();
        boolean found = false;
        for (String site : sites.sites()) {
            Optional<PoolInfo> pool = inventory.pool(site, name);
            if (pool.isPresent()) {
                found = true;
                describe(pool.get(), new SiteLookup(inventory, site), reply, m);
            }
        }
        if (found) {
            return reply.build();
        }
        return ShowHandler.notFound("view.kind.pool", InventoryKind.POOLS, name, sites, inventory, m);
    }

    private void describe(PoolInfo pool, SiteLookup at, Reply.Builder reply, Messages m) {
        PoolUsage usage = inventory.poolUsage(at.site()).getOrDefault(pool.id(), PoolUsage.NONE);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(m.format("view.column.description"), Formats.orNone(pool.description())));
        fields.add(new Field(m.format("view.column.type"), m.term(EngineTerm.POOL_TYPE, pool.type())));
        fields.add(new Field(m.format("view.field.stateful"), m.format(pool.stateful() ? "view.yes" : "view.no")));
        fields.add(new Field(m.format("view.column.vms"), String.valueOf(pool.size())));
        fields.add(new Field(m.format("view.column.running"), String.valueOf(usage.running())));
        fields.add(new Field(m.format("view.column.handed-out"), String.valueOf(usage.handedOut())));
        fields.add(new Field(m.format("view.column.prestarted"), String.valueOf(pool.prestarted())));
        fields.add(new Field(m.format("view.field.max-per-user"), String.valueOf(pool.maxUserVms())));
        fields.add(new Field(m.format("view.column.template"), at.template(pool.templateId())
                .map(t -> pool.useLatestTemplateVersion() ? m.format("view.template.latest", t.name(), t.version())
                        : Formats.longVersion(t, m)).orElse(Formats.NONE)));
        fields.add(new Field(m.format("view.column.cluster"), at.clusterName(pool.clusterId())));
        fields.add(new Field(m.format("view.column.data-center"), at.cluster(pool.clusterId())
                .map(c -> Formats.orNone(c.dataCenterName())).orElse(Formats.NONE)));
        reply.heading(m.format("show.pool.heading", pool.name(), at.site())).fields(fields);

        List<PermissionInfo> grants = inventory.poolPermissions(at.site(), pool.id());
        if (grants.isEmpty()) {
            reply.text(m.format("show.pool.no-grants"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (PermissionInfo grant : grants) {
                String who = grant.toUser() ? m.format("view.principal.user", at.userName(grant.userId()))
                        : m.format("view.principal.group", at.group(grant.groupId())
                                .map(g -> g.name()).orElse(grant.groupId()));
                String role = at.role(grant.roleId()).map(r -> r.name()).orElse(Formats.orNone(grant.roleId()));
                String kind = at.role(grant.roleId()).map(r -> m.format(r.administrative() ? "view.role.admin"
                        : "view.role.user")).orElse(Formats.NONE);
                rows.add(List.of(who, role, kind));
            }
            rows.sort(Comparator.comparing(row -> row.get(0)));
            reply.text(m.format("show.pool.grants"))
                    .table(List.of(m.format("view.column.granted-to"), m.format("view.column.role"),
                            m.format("view.column.kind")), rows);
        }
        reply.text(m.format("show.pool.vms-hint", "/vdi list vms " + memberFilter(pool.name())
                + " site=" + at.site()));
    }

    /** A filter for the pool's VMs: the {@code ?} mask becomes {@code *}; without one the engine appends -N. */
    static String memberFilter(String poolName) {
        return poolName.contains("?") ? poolName.replaceAll("\\?+", "*") : poolName + "-*";
    }
}
