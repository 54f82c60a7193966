package io.vdibot.rhev.view;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.SitesRequest;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.inventory.InventoryCache;
import java.util.ArrayList;
import java.util.List;

/** {@code /vdi sites}: each configured site, its engine URL, and whether the engine answers now. */
public final class SitesHandler implements QueryHandler<SitesRequest> {

    private final EngineConnections connections;
    private final InventoryCache inventory;

    public SitesHandler(EngineConnections connections, InventoryCache inventory) {
        this.connections = connections;
        this.inventory = inventory;
    }

    @Override
    public Class<SitesRequest> requestType() {
        return SitesRequest.class;
    }

    @Override
    public Reply handle(SitesRequest request, Asker scope) {
        Messages messages = scope.messages();
        List<List<String>> rows = new ArrayList<>();
        for (String site : connections.siteNames()) {
            String state;
            try {
                inventory.refresh(site);
                int clusters = inventory.clusters(site).size();
                state = messages.format("sites.up", clusters);
            } catch (EngineException e) {
                state = messages.format("sites.down", e.getMessage());
            } catch (RuntimeException e) {
                state = messages.format("sites.down", e.getMessage());
            }
            String name = site.equals(connections.defaultSite()) ? messages.format("sites.default", site) : site;
            rows.add(List.of(name, connections.site(site).apiUrl(), state));
        }
        return Reply.builder().table(List.of(messages.format("sites.column.site"), messages.format("sites.column.url"),
                messages.format("sites.column.state")), rows).build();
    }
}
