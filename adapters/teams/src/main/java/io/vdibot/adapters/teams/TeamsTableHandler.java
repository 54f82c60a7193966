package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.cards.CardRenderer;
import io.vdibot.adapters.teams.cards.Cards;
import io.vdibot.adapters.teams.connector.Outgoing;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * "Show all" under a long table of a result card: what the card left out, posted in the thread as cards of
 * {@link CardRenderer#MAX_ROWS} rows for whoever wants them, so the thread of a large pool is short until then.
 */
final class TeamsTableHandler implements CardActionHandler {

    static final String SHOW_ALL = "table.all";
    private static final String ID = "table";

    private final FullTables tables;
    private final TeamsHandOver handOver;
    private final CardRenderer renderer;

    TeamsTableHandler(FullTables tables, TeamsHandOver handOver, CardRenderer renderer) {
        this.tables = tables;
        this.handOver = handOver;
        this.renderer = renderer;
    }

    /** The note and the action that follow a table's first rows; the table is kept for the click. */
    static List<ObjectNode> showAll(FullTables tables, TableBlock table, Locale locale) {
        TeamsTexts texts = TeamsTexts.forLocale(locale);
        ObjectNode note = Cards.text(texts.format("teams.table.preview", CardRenderer.PREVIEW_ROWS,
                table.rows().size()), null, null, null, null);
        note.put("isSubtle", true);
        ObjectNode data = Cards.data(SHOW_ALL);
        data.put(ID, tables.keep(table));
        ObjectNode set = Cards.object();
        set.put("type", "ActionSet");
        set.putArray("actions").add(Cards.execute(texts.format("teams.table.show-all", table.rows().size()),
                SHOW_ALL, data, null, false));
        return List.of(note, set);
    }

    @Override
    public Set<String> verbs() {
        return Set.of(SHOW_ALL);
    }

    @Override
    public Answer onInvoke(InboundActivity activity, String verb, JsonNode data) {
        Optional<TableBlock> table = tables.find(data.path(ID).asText(null));
        TeamsTexts texts = TeamsTexts.forLocale(TeamsHandOver.locale(activity));
        if (table.isEmpty()) {
            return Answer.message(texts.format("teams.table.gone"));
        }
        handOver.later(() -> post(activity, table.get()));
        return Answer.message(texts.format("teams.table.posting", table.get().rows().size()));
    }

    @Override
    public void onSubmit(InboundActivity activity, String verb, JsonNode data) {
        tables.find(data.path(ID).asText(null)).ifPresent(table -> post(activity, table));
    }

    private void post(InboundActivity activity, TableBlock table) {
        CardRenderer.Rendered rendered = renderer.render(Reply.builder().block(table).build());
        for (ObjectNode card : rendered.cards()) {
            handOver.send(TeamsThreads.conversation(activity), new Outgoing(rendered.summary(), card));
        }
    }
}
