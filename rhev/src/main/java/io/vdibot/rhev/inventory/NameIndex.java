package io.vdibot.rhev.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The names of one cached list, sorted by their lower-case form, so a picker's prefix query is a binary search and
 * a walk over the matches rather than a scan of every name (a site may hold ten thousand VMs, and a picker asks
 * again at each keystroke). Built once per loaded list; immutable.
 */
final class NameIndex {

    /** Ignoring case first, so {@code Infra} sorts before {@code Linux}; exact spelling breaks ties. */
    static final Comparator<String> ORDER = Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private final String[] keys;
    private final String[] names;

    private NameIndex(String[] keys, String[] names) {
        this.keys = keys;
        this.names = names;
    }

    static NameIndex of(Stream<String> names) {
        String[] sorted = names.filter(Objects::nonNull).sorted(ORDER).distinct().toArray(String[]::new);
        String[] keys = Arrays.stream(sorted).map(name -> name.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return new NameIndex(keys, sorted);
    }

    int size() {
        return names.length;
    }

    /** At most {@code limit} names starting with {@code prefix} ignoring case, in {@link #ORDER}. */
    List<String> startingWith(String prefix, int limit) {
        String wanted = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(Math.min(limit, 64));
        for (int i = firstAtOrAfter(wanted); i < keys.length && out.size() < limit && keys[i].startsWith(wanted); i++) {
            out.add(names[i]);
        }
        return out;
    }

    /** Exact, case-sensitive: engine names are. */
    boolean contains(String name) {
        if (name == null) {
            return false;
        }
        String key = name.toLowerCase(Locale.ROOT);
        for (int i = firstAtOrAfter(key); i < keys.length && keys[i].equals(key); i++) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first position whose key is not below {@code key}: all keys with that prefix follow it. */
    private int firstAtOrAfter(String key) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
