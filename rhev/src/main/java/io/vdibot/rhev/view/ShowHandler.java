package io.vdibot.rhev.view;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.view.ShowRequest;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /vdi show vm|pool|template NAME [site=S|all]}: one object in detail, from the cached inventory. A VM or
 * pool is looked for at the default site unless a site (or {@code all}) is named; a template at every site unless
 * one is named. An unknown name gets close matches and the other sites that have it.
 */
public final class ShowHandler implements QueryHandler<ShowRequest> {

    private final InventoryCache inventory;
    private final VmView vms;
    private final PoolView pools;
    private final TemplateView templates;

    public ShowHandler(InventoryCache inventory) {
        this.inventory = inventory;
        this.vms = new VmView(inventory);
        this.pools = new PoolView(inventory);
        this.templates = new TemplateView(inventory);
    }

    @Override
    public Class<ShowRequest> requestType() {
        return ShowRequest.class;
    }

    @Override
    public Reply handle(ShowRequest show, Asker scope) {
        Messages m = scope.messages();
        SiteChoice.WhenAbsent whenAbsent = switch (show.kind()) {
            case VM, POOL -> SiteChoice.WhenAbsent.DEFAULT_SITE;
            case TEMPLATE -> SiteChoice.WhenAbsent.EVERY_SITE;
        };
        Optional<SiteChoice> sites = SiteChoice.of(show.site(), inventory.sites(), whenAbsent);
        if (sites.isEmpty()) {
            return ViewReplies.unknownSite(show.site(), inventory.sites(), m);
        }
        try {
            return switch (show.kind()) {
                case VM -> vms.show(show.name(), sites.get(), m);
                case POOL -> pools.show(show.name(), sites.get(), m);
                case TEMPLATE -> templates.show(show.name(), sites.get(), m);
            };
        } catch (EngineException e) {
            return ViewReplies.engineFailure(e, m);
        }
    }

    /**
     * "Not found at the sites looked at", with names close to it there and the other sites (not looked at) that have
     * exactly that name. Sites that cannot be read only do not contribute.
     */
    static Reply notFound(String kindKey, InventoryKind kind, String name, SiteChoice sites, InventoryCache inventory,
            Messages m) {
        Set<String> near = new LinkedHashSet<>();
        for (String site : sites.sites()) {
            try {
                near.addAll(NearNames.of(name, inventory.names(site, kind, "", Integer.MAX_VALUE)));
            } catch (EngineException e) {
                // the answer still says where it was not found; suggestions from that site are simply missing
            }
        }
        List<String> elsewhere = new ArrayList<>();
        for (String site : inventory.sites()) {
            if (!sites.sites().contains(site)) {
                try {
                    if (inventory.exists(site, kind, name)) {
                        elsewhere.add(site);
                    }
                } catch (EngineException e) {
                    // a site that cannot be read is not offered as a place where the name exists
                }
            }
        }
        String where = sites.every() ? m.format("view.any-site")
                : m.format("view.site", sites.sites().get(0));
        return ViewReplies.notFound(kindKey, name, where,
                near.stream().limit(NearNames.LIMIT).toList(), elsewhere, m);
    }
}
