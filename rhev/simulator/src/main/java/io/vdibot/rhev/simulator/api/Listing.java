package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.http.ApiRequest;
import io.vdibot.rhev.simulator.search.SearchQuery;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** What every collection GET does with {@code search}, {@code case_sensitive} and {@code max}. */
public final class Listing {

    private Listing() {
    }

    public static <T> List<T> select(ApiRequest request, List<T> items, Set<String> searchFields,
            BiFunction<T, String, Object> fieldValue) {
        int max = request.intParam("max").orElse(-1);
        List<T> selected = items;
        String search = request.param("search").orElse("");
        if (!search.isBlank()) {
            // The engine's implementation defaults to case-insensitive matching.
            boolean caseSensitive = request.booleanParam("case_sensitive").orElse(false);
            selected = SearchQuery.parse(search, searchFields, caseSensitive).apply(items, fieldValue, max);
        }
        if (max >= 0 && selected.size() > max) {
            selected = selected.subList(0, max);
        }
        return selected;
    }
}
