package io.vdibot.core.ownership;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.pool.PoolOwnerRequest;
import io.vdibot.commands.port.InventoryLookup;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.core.directory.Directory;
import io.vdibot.persistence.ownership.ObjectOwners;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /vdi pool owner NAME group=G|none}: an administrator hands a pool to the members of a directory group, or
 * back to administrators alone. The pool must exist and the group must be one under the directory's group base.
 */
final class PoolOwnerHandler implements QueryHandler<PoolOwnerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(PoolOwnerHandler.class);
    private static final String KIND = "pool";

    private final InventoryLookup inventory;
    private final Directory directory;
    private final ObjectOwners owners;

    PoolOwnerHandler(InventoryLookup inventory, Directory directory, ObjectOwners owners) {
        this.inventory = inventory;
        this.directory = directory;
        this.owners = owners;
    }

    @Override
    public Class<PoolOwnerRequest> requestType() {
        return PoolOwnerRequest.class;
    }

    @Override
    public Reply handle(PoolOwnerRequest request, Asker asker) {
        Messages messages = asker.messages();
        List<String> sites = inventory.sites();
        String site = request.site() != null ? request.site() : sites.get(0);
        if (!sites.contains(site)) {
            return Reply.refusal(messages.format("validate.site-unknown", site, String.join(", ", sites)));
        }
        try {
            if (!inventory.exists(site, InventoryKind.POOLS, request.name())) {
                return Reply.refusal(messages.format("pool.owner.unknown-pool", request.name(), site));
            }
        } catch (RuntimeException engineTrouble) {
            LOG.warn("cannot look pool {} up at {}: {}", request.name(), site, engineTrouble.getMessage());
            return Reply.refusal(messages.format("pool.owner.site-unreachable", site, request.name()));
        }
        if (request.group() != null && !directory.groupExists(request.group())) {
            return Reply.refusal(messages.format("pool.owner.unknown-group", request.group()));
        }
        owners.assignGroup(KIND, site, request.name(), request.group(), asker.uid());
        String text = request.group() == null
                ? messages.format("pool.owner.cleared", request.name(), site)
                : messages.format("pool.owner.assigned", request.name(), site, request.group());
        return Reply.builder().tone(Reply.Tone.SUCCESS).text(text).build();
    }
}
