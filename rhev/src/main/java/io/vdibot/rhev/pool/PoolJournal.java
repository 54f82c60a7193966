package io.vdibot.rhev.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How pool steps record their results in the journal: VM names separated by spaces (engine names hold none),
 * {@code name=address} for a VM that reported its address, and {@code !name} for a VM that failed. Small, readable
 * in the database, and enough to resume a task from any completed step.
 */
final class PoolJournal {

    /** Pool VM names in numbering order: {@code pool-2} before {@code pool-10}. */
    static final Comparator<String> NAME_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private PoolJournal() {
    }

    static String names(List<String> names) {
        return String.join(" ", names);
    }

    static List<String> names(String journal) {
        return journal == null || journal.isBlank() ? List.of() : Arrays.asList(journal.trim().split(" +"));
    }

    /** The outcome of a batch's VMs: each VM's address, or null for a VM that failed. */
    static String outcomes(Map<String, String> addressByName) {
        List<String> out = new ArrayList<>();
        addressByName.forEach((name, address) -> out.add(address == null ? "!" + name : name + "=" + address));
        return String.join(" ", out);
    }

    static Map<String, String> outcomes(String journal) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String token : names(journal)) {
            if (token.startsWith("!")) {
                out.put(token.substring(1), null);
            } else {
                int eq = token.indexOf('=');
                out.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return out;
    }

    /** Names marked as failed ({@code !name}) in a list of names. */
    static List<String> failed(List<String> tokens) {
        return tokens.stream().filter(t -> t.startsWith("!")).map(t -> t.substring(1)).toList();
    }

    /** Names not marked as failed. */
    static List<String> fine(List<String> tokens) {
        return tokens.stream().filter(t -> !t.startsWith("!")).toList();
    }
}
