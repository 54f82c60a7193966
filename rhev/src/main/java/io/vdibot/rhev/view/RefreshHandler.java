package io.vdibot.rhev.view;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.view.RefreshRequest;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.task.EngineTexts;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /vdi refresh [site=S|all]}: reloads the cached inventory of one site, or of every site when none is named,
 * at once rather than when its short TTL runs out, e.g. after a change made in the engine's own console. Views,
 * request checks and chat pickers then read the new lists. Says what was loaded, or that the engine did not answer.
 */
public final class RefreshHandler implements QueryHandler<RefreshRequest> {

    private final InventoryCache inventory;

    public RefreshHandler(InventoryCache inventory) {
        this.inventory = inventory;
    }

    @Override
    public Class<RefreshRequest> requestType() {
        return RefreshRequest.class;
    }

    @Override
    public Reply handle(RefreshRequest refresh, Asker scope) {
        Messages m = scope.messages();
        Optional<SiteChoice> sites = SiteChoice.of(refresh.site(), inventory.sites(), SiteChoice.WhenAbsent.EVERY_SITE);
        if (sites.isEmpty()) {
            return ViewReplies.unknownSite(refresh.site(), inventory.sites(), m);
        }
        Reply.Builder reply = Reply.builder();
        int failed = 0;
        for (String site : sites.get().sites()) {
            try {
                Map<InventoryKind, Integer> counts = inventory.reload(site);
                reply.text(m.format("refresh.done", site, counts.get(InventoryKind.VMS),
                        counts.get(InventoryKind.TEMPLATES), counts.get(InventoryKind.POOLS),
                        counts.get(InventoryKind.HOSTS), counts.get(InventoryKind.STORAGE)));
            } catch (EngineException e) {
                failed++;
                reply.text(m.format("refresh.failed", EngineTexts.explain(m, e)));
            }
        }
        int total = sites.get().sites().size();
        return reply.tone(failed == 0 ? Reply.Tone.SUCCESS : failed == total ? Reply.Tone.ERROR : Reply.Tone.WARNING)
                .build();
    }
}
