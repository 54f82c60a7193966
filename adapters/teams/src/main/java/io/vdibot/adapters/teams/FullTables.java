package io.vdibot.adapters.teams;

import io.vdibot.commands.reply.TableBlock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The long tables of task results, kept for their "show all" action: Teams cannot take a file from a bot in a
 * channel, so a result card shows a table's first rows and a click posts the rest. In memory and bounded (the
 * oldest go first); after a restart the action says the table is gone and {@code /vdi logs} still has the task.
 */
final class FullTables {

    private static final int MAX_TABLES = 500;

    private final Map<String, TableBlock> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TableBlock> eldest) {
            return size() > MAX_TABLES;
        }
    };

    synchronized String keep(TableBlock table) {
        String id = UUID.randomUUID().toString();
        byId.put(id, table);
        return id;
    }

    synchronized Optional<TableBlock> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
