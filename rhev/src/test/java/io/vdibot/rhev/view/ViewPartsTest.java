package io.vdibot.rhev.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.view.ListRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pieces the views are built from: site choice, name filters, pages, close names and sizes. */
class ViewPartsTest {

    private static final List<String> SITES = List.of("dc1", "dc2");

    @Test
    void siteAllMeansEverySiteAndAbsenceMeansTheCommandsDefault() {
        assertThat(SiteChoice.of(null, SITES, SiteChoice.WhenAbsent.DEFAULT_SITE))
                .contains(new SiteChoice(List.of("dc1"), false));
        assertThat(SiteChoice.of(null, SITES, SiteChoice.WhenAbsent.EVERY_SITE))
                .contains(new SiteChoice(SITES, true));
        assertThat(SiteChoice.of("ALL", SITES, SiteChoice.WhenAbsent.DEFAULT_SITE))
                .contains(new SiteChoice(SITES, true));
        assertThat(SiteChoice.of("dc2", SITES, SiteChoice.WhenAbsent.EVERY_SITE))
                .contains(new SiteChoice(List.of("dc2"), false));
        assertThat(SiteChoice.of("mars", SITES, SiteChoice.WhenAbsent.DEFAULT_SITE)).isEmpty();
        // a site really called "all" is that site
        assertThat(SiteChoice.of("all", List.of("all", "dc2"), SiteChoice.WhenAbsent.DEFAULT_SITE))
                .contains(new SiteChoice(List.of("all"), false));
    }

    @Test
    void wildcardsMatchTheWholeNameAndAPlainWordAnyPartIgnoringCase() {
        assertThat(NameFilter.of("web*").matches("Web-01")).isTrue();
        assertThat(NameFilter.of("web*").matches("my-web-01")).isFalse();
        assertThat(NameFilter.of("*-golden").matches("par-win11-GOLDEN")).isTrue();
        assertThat(NameFilter.of("*-golden").matches("par-golden-2")).isFalse();
        assertThat(NameFilter.of("p*-*-01").matches("par-jump-01")).isTrue();
        assertThat(NameFilter.of("win").matches("finance-win10")).isTrue();
        assertThat(NameFilter.of("eng-rhel9-??").matches("eng-rhel9-??")).isTrue();
        assertThat(NameFilter.of("eng-rhel9-??").matches("eng-rhel9-01")).isFalse();
        assertThat(NameFilter.of("a.b").matches("axb")).isFalse();
        assertThat(NameFilter.of(null).matches("anything")).isTrue();
        assertThat(NameFilter.of(null).isEverything()).isTrue();
    }

    @Test
    void wildcardsMatchAsTheRegularExpressionTheyStandForDid() {
        List<String> filters = words("ab*", 4).stream().filter(f -> !f.isEmpty()).toList();
        List<String> names = words("abA", 5);
        for (String filter : filters) {
            Pattern reference = reference(filter);
            for (String name : names) {
                assertThat(NameFilter.of(filter).matches(name)).as(filter + " ~ " + name)
                        .isEqualTo(reference.matcher(name).matches());
            }
        }
    }

    @Test
    void aFilterOfManyWildcardsIsAnsweredAtOnce() {
        // as a regular expression, .*.*.*… backtracked exponentially: 25 stars took 16 s for one name
        List<String> names = IntStream.range(0, 1000).mapToObj(i -> "par-build-" + i).toList();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String filter : List.of("*".repeat(250) + "x", "*a".repeat(127) + "x", "*-*-*-*-*-*-*-*-*-*-*-*-*z")) {
                assertThat(names.stream().filter(NameFilter.of(filter)::matches)).as(filter).isEmpty();
            }
            assertThat(names.stream().filter(NameFilter.of("*".repeat(250) + "9")::matches)).hasSize(100);
        });
    }

    /** Every word of up to {@code length} letters from {@code alphabet}, the empty one included. */
    private static List<String> words(String alphabet, int length) {
        List<String> words = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int i = 0; i < length; i++) {
            last = last.stream().flatMap(w -> alphabet.chars().mapToObj(c -> w + (char) c)).toList();
            words.addAll(last);
        }
        return words;
    }

    /** What the filter meant when it was a regular expression. */
    private static Pattern reference(String filter) {
        String regex = filter.indexOf('*') < 0 ? ".*" + Pattern.quote(filter) + ".*"
                : Arrays.stream(filter.split("\\*", -1)).map(p -> p.isEmpty() ? "" : Pattern.quote(p))
                        .collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Test
    void pagesHoldTwentyFiveRowsAndKnowWhatComesNext() {
        List<Integer> rows = IntStream.rangeClosed(1, 60).boxed().toList();
        Page<Integer> first = Page.of(rows, 1);
        assertThat(first.items()).hasSize(25).startsWith(1);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        Page<Integer> last = Page.of(rows, 3);
        assertThat(last.items()).containsExactly(51, 52, 53, 54, 55, 56, 57, 58, 59, 60);
        assertThat(last.hasNext()).isFalse();
        assertThat(Page.of(rows, 4).beyondEnd()).isTrue();
        assertThat(Page.of(List.of(), 1).pages()).isEqualTo(1);
        assertThat(Page.of(List.of(), 1).beyondEnd()).isFalse();
    }

    @Test
    void theNextPageIsTheSameCommandWithAnotherPage() {
        assertThat(ListHandler.command(new ListRequest(InventoryKind.VMS, "web*", "all", 1), 2))
                .isEqualTo("/vdi list vms web* site=all page=2");
        assertThat(ListHandler.command(new ListRequest(InventoryKind.STORAGE, null, null, 3), 4))
                .isEqualTo("/vdi list storage page=4");
    }

    @Test
    void closeNamesAreTyposPartsAndOtherCases() {
        List<String> names = List.of("rhel9-desktop", "rhel8-server", "win10-22h2", "par-jump-01", "PAR-JUMP-02");
        assertThat(NearNames.of("rhel9-dekstop", names)).containsExactly("rhel9-desktop");
        assertThat(NearNames.of("par-jump-1", names)).containsExactly("par-jump-01", "PAR-JUMP-02");
        assertThat(NearNames.of("jump", names)).containsExactly("par-jump-01", "PAR-JUMP-02");
        assertThat(NearNames.of("Win10-22H2", names)).containsExactly("win10-22h2");
        assertThat(NearNames.of("oracle", names)).isEmpty();
        assertThat(NearNames.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(NearNames.distance("kitten", "sitting", 1)).isGreaterThan(1);
    }

    @Test
    void namesSortIgnoringCaseWithNumbersByValue() {
        List<String> names = new java.util.ArrayList<>(List.of("pool-10", "pool-2", "Pool-3", "pool-02", "alpha",
                "pool-1a", "pool-"));
        names.sort(NaturalOrder.NAMES);
        assertThat(names).containsExactly("alpha", "pool-", "pool-1a", "pool-02", "pool-2", "Pool-3", "pool-10");
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(Formats.bytes(0)).isEqualTo("0 B");
        assertThat(Formats.bytes(512L << 30)).isEqualTo("512 GiB");
        assertThat(Formats.bytes(1536L << 30)).isEqualTo("1.5 TiB");
        assertThat(Formats.bytes(4L << 30)).isEqualTo("4 GiB");
        assertThat(PoolView.memberFilter("eng-rhel9-??")).isEqualTo("eng-rhel9-*");
        assertThat(PoolView.memberFilter("finance-win10")).isEqualTo("finance-win10-*");
    }
}
