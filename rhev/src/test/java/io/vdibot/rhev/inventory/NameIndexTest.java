package io.vdibot.rhev.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NameIndexTest {

    private final NameIndex index = NameIndex.of(Stream.of("web-02", "Web-01", "db-01", "web-01", "WEB-03", null,
            "web-02", "api", "Infra", "linux"));

    @Test
    void prefixesIgnoreCaseAndComeOutSortedIgnoringCaseThenBySpelling() {
        assertThat(index.startingWith("WE", 10)).containsExactly("Web-01", "web-01", "web-02", "WEB-03");
        assertThat(index.startingWith("", 3)).containsExactly("api", "db-01", "Infra");
        assertThat(index.startingWith(null, 100)).hasSize(8);
        assertThat(index.startingWith("web-0", 2)).containsExactly("Web-01", "web-01");
        assertThat(index.startingWith("x", 10)).isEmpty();
        assertThat(index.startingWith("web-020", 10)).isEmpty();
    }

    @Test
    void duplicatesAndNullsAreDropped() {
        assertThat(index.size()).isEqualTo(8);
    }

    @Test
    void containsIsExactAndCaseSensitive() {
        assertThat(index.contains("web-01")).isTrue();
        assertThat(index.contains("Web-01")).isTrue();
        assertThat(index.contains("WEB-01")).isFalse();
        assertThat(index.contains("web-0")).isFalse();
        assertThat(index.contains(null)).isFalse();
    }

    /** The index must answer exactly what a scan of every name would. */
    @Test
    void agreesWithAScanOnRandomNamesAndPrefixes() {
        Random random = new Random(7);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            names.add(randomWord(random, 1 + random.nextInt(8)));
        }
        NameIndex big = NameIndex.of(names.stream());
        for (int i = 0; i < 500; i++) {
            String prefix = randomWord(random, random.nextInt(4));
            int limit = 1 + random.nextInt(40);
            List<String> scanned = names.stream()
                    .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
                    .distinct().sorted(NameIndex.ORDER).limit(limit).toList();
            assertThat(big.startingWith(prefix, limit)).as(prefix).isEqualTo(scanned);
        }
    }

    private static String randomWord(Random random, int length) {
        String alphabet = "abcABC-01é";
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }
}
