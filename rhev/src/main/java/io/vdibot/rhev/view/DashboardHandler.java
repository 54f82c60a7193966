package io.vdibot.rhev.view;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.DashboardRequest;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.task.EngineTexts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /vdi dashboard [site=S|all]}: per site, hosts and VMs up and not up and the users with and without a
 * running VM, as fields and as a PNG bar chart; every site when none is named. Read from the cached inventory.
 */
public final class DashboardHandler implements QueryHandler<DashboardRequest> {

    private final InventoryCache inventory;
    private final Clock clock;

    public DashboardHandler(InventoryCache inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public Class<DashboardRequest> requestType() {
        return DashboardRequest.class;
    }

    @Override
    public Reply handle(DashboardRequest dashboard, Asker scope) {
        Messages m = scope.messages();
        Optional<SiteChoice> sites = SiteChoice.of(dashboard.site(), inventory.sites(),
                SiteChoice.WhenAbsent.EVERY_SITE);
        if (sites.isEmpty()) {
            return ViewReplies.unknownSite(dashboard.site(), inventory.sites(), m);
        }
        Instant now = clock.instant();
        String when = Formats.time(now, scope.zone());
        Reply.Builder reply = Reply.builder();
        int failed = 0;
        for (String site : sites.get().sites()) {
            SiteFigures figures;
            try {
                figures = SiteFigures.of(inventory, site, now);
            } catch (EngineException e) {
                failed++;
                reply.heading(m.format("dashboard.heading", site, when)).text(EngineTexts.explain(m, e));
                continue;
            }
            reply.heading(m.format("dashboard.heading", site, when)).fields(fields(figures, m));
            reply.image(DashboardChart.png(figures, labels(figures, when, m)), "image/png",
                    "dashboard-" + site + ".png", m.format("dashboard.chart.alt", site, when));
        }
        reply.text(m.format("dashboard.users.note"));
        int total = sites.get().sites().size();
        return reply.tone(failed == 0 ? Reply.Tone.INFO : failed == total ? Reply.Tone.ERROR : Reply.Tone.WARNING)
                .build();
    }

    private static List<Field> fields(SiteFigures f, Messages m) {
        List<Field> fields = new ArrayList<>();
        String hosts = m.format("dashboard.hosts.value", f.hostsUp(), f.hostsNotUp());
        if (!f.hostsNotUpByStatus().isEmpty()) {
            hosts = m.format("dashboard.with-detail", hosts, String.join(", ", f.hostsNotUpByStatus().entrySet()
                    .stream().map(e -> m.term(EngineTerm.HOST_STATUS, e.getKey()) + " " + e.getValue()).toList()));
        }
        fields.add(new Field(m.format("dashboard.hosts"), hosts));
        fields.add(new Field(m.format("dashboard.vms"), m.format("dashboard.vms.value", f.vmsUp(), f.vmsNotUp())));
        fields.add(new Field(m.format("dashboard.users"),
                m.format("dashboard.users.value", f.usersWithRunningVm(), f.usersWithout())));
        return fields;
    }

    /** The chart's words in the reader's language, or in English when the server has no font for them. */
    private static DashboardChart.Labels labels(SiteFigures f, String when, Messages m) {
        DashboardChart.Labels labels = labelsIn(m, f.site(), when);
        return DashboardChart.canDisplay(labels) ? labels
                : labelsIn(Messages.forLocale(Locale.ENGLISH), f.site(), when);
    }

    private static DashboardChart.Labels labelsIn(Messages m, String site, String when) {
        return new DashboardChart.Labels(m.format("dashboard.chart.title", site, when), m.format("dashboard.hosts"),
                m.format("dashboard.vms"), m.format("dashboard.users"), m.format("dashboard.chart.up"),
                m.format("dashboard.chart.not-up"), m.format("dashboard.chart.with-running"),
                m.format("dashboard.chart.without"));
    }
}
