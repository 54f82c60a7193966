package io.vdibot.rhev.view;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.view.ListRequest;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.task.EngineTexts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /vdi list KIND [filter] [site=S|all] [page=N]}: one kind of inventory of the default site, of a named
 * site or of every site, from the cached lists, filtered by name and {@value Page#SIZE} rows a page. With every
 * site a site column leads each row, and a site whose engine does not answer is named without hiding the others.
 */
public final class ListHandler implements QueryHandler<ListRequest> {

    private final InventoryCache inventory;
    private final ListTables tables;

    public ListHandler(InventoryCache inventory) {
        this.inventory = inventory;
        this.tables = new ListTables(inventory);
    }

    @Override
    public Class<ListRequest> requestType() {
        return ListRequest.class;
    }

    @Override
    public Reply handle(ListRequest list, Asker scope) {
        Messages m = scope.messages();
        Optional<SiteChoice> choice = SiteChoice.of(list.site(), inventory.sites(), SiteChoice.WhenAbsent.DEFAULT_SITE);
        if (choice.isEmpty()) {
            return ViewReplies.unknownSite(list.site(), inventory.sites(), m);
        }
        SiteChoice sites = choice.get();
        NameFilter filter = NameFilter.of(list.filter());
        List<ListTables.Row> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String site : sites.sites()) {
            try {
                rows.addAll(tables.rows(list.kind(), site, filter::matches, m));
            } catch (EngineException e) {
                if (!sites.every()) {
                    return ViewReplies.engineFailure(e, m);
                }
                failures.add(EngineTexts.explain(m, e));
            }
        }
        List<String> order = sites.sites();
        rows.sort(Comparator.comparing((ListTables.Row r) -> order.indexOf(r.site()))
                .thenComparing(ListTables.Row::name, NaturalOrder.NAMES));
        String kind = m.format("list.kind." + list.kind().keyword());
        String where = sites.every() ? m.format("view.every-site") : m.format("view.site", sites.sites().get(0));

        Page<ListTables.Row> page = Page.of(rows, list.page());
        Reply.Builder reply = Reply.builder().tone(failures.isEmpty() ? Reply.Tone.INFO : Reply.Tone.WARNING);
        failures.forEach(reply::text);
        reply.heading(filter.isEverything() ? m.format("list.heading", kind, where)
                : m.format("list.heading.filtered", kind, where, filter.text()));
        if (rows.isEmpty()) {
            return reply.text(filter.isEverything() ? m.format("list.empty", where)
                    : m.format("list.empty.filtered", where, filter.text())).build();
        }
        if (page.beyondEnd()) {
            return reply.text(m.format("list.page-beyond", page.number(), page.pages(),
                    command(list, page.pages()))).build();
        }
        reply.table(headers(list, sites, m), cells(page, sites));
        pageFooter(reply, list, page, m);
        return reply.build();
    }

    private List<String> headers(ListRequest list, SiteChoice sites, Messages m) {
        List<String> headers = new ArrayList<>();
        if (sites.every()) {
            headers.add(m.format("view.column.site"));
        }
        headers.addAll(tables.headers(list.kind(), m));
        return headers;
    }

    private static List<List<String>> cells(Page<ListTables.Row> page, SiteChoice sites) {
        List<List<String>> cells = new ArrayList<>();
        for (ListTables.Row row : page.items()) {
            List<String> line = new ArrayList<>();
            if (sites.every()) {
                line.add(row.site());
            }
            line.addAll(row.cells());
            cells.add(line);
        }
        return cells;
    }

    private static void pageFooter(Reply.Builder reply, ListRequest list, Page<ListTables.Row> page, Messages m) {
        if (page.pages() == 1) {
            reply.text(m.format("list.total", page.total()));
        } else {
            reply.text(m.format("list.page", page.number(), page.pages(), page.total()));
            if (page.hasNext()) {
                reply.text(m.format("list.next", command(list, page.number() + 1)));
            }
        }
    }

    /** The command line that asks for {@code page} of the same list. */
    static String command(ListRequest list, int page) {
        StringBuilder line = new StringBuilder("/vdi list ").append(list.kind().keyword());
        if (list.filter() != null) {
            line.append(' ').append(list.filter());
        }
        if (list.site() != null) {
            line.append(" site=").append(list.site());
        }
        return line.append(" page=").append(page).toString();
    }
}
