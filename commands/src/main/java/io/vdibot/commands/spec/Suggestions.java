package io.vdibot.commands.spec;

import java.util.List;
import java.util.Optional;

/** Finds the command a mistyped line was probably meant to be. */
final class Suggestions {

    private static final int MAX_DISTANCE = 3;

    private Suggestions() {
    }

    /**
     * The words of the nearest command, compared over as many typed words as the command has; if none is near
     * enough but the first word is a family ({@code pool}), {@code help <family>}.
     */
    static Optional<String> nearest(List<String> typed, List<? extends CommandSpec<?>> specs) {
        CommandSpec<?> best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandSpec<?> spec : specs) {
            int n = Math.min(spec.words().size(), typed.size());
            String candidate = String.join(" ", typed.subList(0, n));
            int allowed = Math.max(1, Math.min(MAX_DISTANCE, spec.wordsText().length() / 3));
            if (Math.abs(candidate.length() - spec.wordsText().length()) > allowed) {
                // the distance is at least the difference in length; a pasted 100 KiB word would otherwise cost a
                // 100 KiB-row table per command
                continue;
            }
            int distance = distance(candidate, spec.wordsText());
            if (distance <= allowed && distance < bestDistance) {
                best = spec;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return Optional.of(best.wordsText());
        }
        if (!typed.isEmpty()) {
            String family = typed.get(0);
            boolean isFamily = specs.stream().anyMatch(s -> s.words().size() > 1 && s.words().get(0).equals(family));
            if (isFamily) {
                return Optional.of("help " + family);
            }
        }
        return Optional.empty();
    }

    /** Edit distance counting a swap of two neighbours as one edit, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
