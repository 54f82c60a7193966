package io.vdibot.rhev.view;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
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
 * {@code /vdi dashboard [site=S|all]}: per site, hosts and VMs by status and the users with and without a desktop
 * (see {@link SiteFigures}), as fields and as a PNG of three pie charts; every site when none is named. Read from the
 * cached inventory.
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
            DashboardChart.Picture picture = DashboardPies.of(figures, when, m);
            reply.heading(m.format("dashboard.heading", site, when)).fields(fields(picture, m));
            reply.image(DashboardChart.png(drawable(picture, figures, when)), "image/png",
                    "dashboard-" + site + ".png", m.format("dashboard.chart.alt", site, when));
        }
        reply.text(m.format("dashboard.users.note"));
        int total = sites.get().sites().size();
        return reply.tone(failed == 0 ? Reply.Tone.INFO : failed == total ? Reply.Tone.ERROR : Reply.Tone.WARNING)
                .build();
    }

    /** The pies' legends as text: the same numbers for whoever cannot see the picture. */
    private static List<Field> fields(DashboardChart.Picture picture, Messages m) {
        List<Field> fields = new ArrayList<>();
        for (DashboardChart.Pie pie : picture.pies()) {
            fields.add(new Field(pie.title(), DashboardPies.shares(pie, m)));
        }
        return fields;
    }

    /** The picture in the reader's language, or in English when the server has no font for theirs. */
    private static DashboardChart.Picture drawable(DashboardChart.Picture picture, SiteFigures f, String when) {
        return DashboardChart.canDisplay(picture) ? picture
                : DashboardPies.of(f, when, Messages.forLocale(Locale.ENGLISH));
    }
}
