package io.vdibot.rhev.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names close to one that does not exist, for "did you mean": the same name in another case, names containing what
 * was typed (or contained in it), and names a few typing mistakes away.
 */
public final class NearNames {

    public static final int LIMIT = 5;

    private NearNames() {
    }

    public static List<String> of(String typed, Collection<String> names) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        // one mistake per three characters, at least one: "rhel9-dektop" finds "rhel9-desktop"
        int tolerance = Math.max(1, wanted.length() / 3);
        record Candidate(String name, int score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.equals(typed)) {
                continue;
            }
            if (lower.contains(wanted) || (wanted.length() >= 3 && wanted.contains(lower))) {
                candidates.add(new Candidate(name, lower.equals(wanted) ? 0 : 1));
                continue;
            }
            int distance = distance(wanted, lower, tolerance);
            if (distance <= tolerance) {
                candidates.add(new Candidate(name, 1 + distance));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::score).thenComparing(Candidate::name,
                        String.CASE_INSENSITIVE_ORDER))
                .map(Candidate::name).distinct().limit(LIMIT).toList();
    }

    /** Levenshtein distance, giving up (returning more than {@code bound}) as soon as it must exceed it. */
    static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) {
            return bound + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
