package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.TemplateInfo;
import io.vdibot.rhev.task.EngineTexts;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /vdi show template NAME [site=S]}: every version of a template with its status, at each site that has it
 * (every site unless one is named), and the sites that lack it, which is what someone about to migrate a template
 * or build a pool elsewhere needs to know.
 */
final class TemplateView {

    private final InventoryCache inventory;

    TemplateView(InventoryCache inventory) {
        this.inventory = inventory;
    }

    Reply show(String name, SiteChoice sites, Messages m) {
        List<List<String>> rows = new ArrayList<>();
        List<String> foundAt = new ArrayList<>();
        List<String> missingAt = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String site : sites.sites()) {
            List<TemplateInfo> versions;
            try {
                versions = inventory.templateVersions(site, name);
            } catch (EngineException e) {
                if (!sites.every()) {
                    return ViewReplies.engineFailure(e, m);
                }
                failures.add(EngineTexts.explain(m, e));
                continue;
            }
            if (versions.isEmpty()) {
                missingAt.add(site);
                continue;
            }
            foundAt.add(site);
            SiteLookup at = new SiteLookup(inventory, site);
            for (TemplateInfo v : versions) {
                rows.add(List.of(site, String.valueOf(v.version()), Formats.orNone(v.versionName()),
                        m.term(EngineTerm.IMAGE_STATUS, v.status()), at.clusterName(v.clusterId()),
                        at.cluster(v.clusterId()).map(c -> Formats.orNone(c.dataCenterName())).orElse(Formats.NONE),
                        Formats.orNone(v.osType()), Formats.bytes(v.memoryBytes()), String.valueOf(v.cpus())));
            }
        }
        if (foundAt.isEmpty() && failures.isEmpty()) {
            return ShowHandler.notFound("view.kind.template", InventoryKind.TEMPLATES, name, sites, inventory, m);
        }
        Reply.Builder reply = Reply.builder().tone(failures.isEmpty() ? Reply.Tone.INFO : Reply.Tone.WARNING);
        failures.forEach(reply::text);
        reply.heading(sites.every() ? m.format("show.template.heading", name)
                : m.format("show.template.heading.site", name, sites.sites().get(0)));
        if (!rows.isEmpty()) {
            reply.table(List.of(m.format("view.column.site"), m.format("view.column.version"),
                    m.format("view.column.version-name"), m.format("view.column.status"),
                    m.format("view.column.cluster"), m.format("view.column.data-center"), m.format("view.column.os"),
                    m.format("view.field.memory"), m.format("view.field.cpus")), rows);
        }
        List<Field> where = new ArrayList<>();
        where.add(new Field(m.format("view.field.found-at"), Formats.join(foundAt)));
        if (sites.every()) {
            // said in words when no site lacks it: a bare dash reads as a value nobody could explain
            where.add(new Field(m.format("view.field.missing-at"), missingAt.isEmpty()
                    ? m.format("view.field.missing-at.none") : Formats.join(missingAt)));
        }
        return reply.fields(where).build();
    }
}
