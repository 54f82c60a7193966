package io.vdibot.rhev.view;

import java.util.List;

/**
 * One page of a long list. Chat messages have length limits and nobody reads five hundred rows in a thread, so
 * lists come {@value #SIZE} rows at a time with the command line for the next page.
 *
 * @param number 1-based
 * @param pages  at least 1, also for an empty list
 */
record Page<T>(List<T> items, int number, int pages, int total) {

    static final int SIZE = 25;

    Page {
        items = List.copyOf(items);
    }

    static <T> Page<T> of(List<T> all, int number) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int from = Math.min(all.size(), (number - 1) * SIZE);
        int to = Math.min(all.size(), from + SIZE);
        return new Page<>(number > pages ? List.of() : all.subList(from, to), number, pages, all.size());
    }

    /** Asked for a page after the last one. */
    boolean beyondEnd() {
        return number > pages;
    }

    boolean hasNext() {
        return number < pages;
    }
}
