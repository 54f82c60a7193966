package io.vdibot.commands.reply;

import java.util.List;

/**
 * Rows under headers. Adapters may render a long table as an attached file (CSV or text) rather than inline,
 * because chat messages have block and length limits.
 */
public record TableBlock(List<String> headers, List<List<String>> rows) implements Block {

    public TableBlock {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        int width = headers.size();
        if (width == 0 || rows.stream().anyMatch(row -> row.size() != width)) {
            throw new IllegalArgumentException("every row has one cell per header");
        }
    }
}
