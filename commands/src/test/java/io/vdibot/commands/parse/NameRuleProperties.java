package io.vdibot.commands.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The name rules accept what the engine does, and take time in proportion to the name, whatever it holds. */
class NameRuleProperties {

    /** The pool rule as first written: plain, and quadratic on a long name with a wrong last character. */
    private static final Pattern POOL_AS_WRITTEN =
            Pattern.compile("^[\\p{L}0-9._-]+[?]*[\\p{L}0-9._-]*$|^[\\p{L}0-9._-]*[?]*[\\p{L}0-9._-]+$");

    @Property(tries = 3000)
    void thePoolRuleAcceptsExactlyWhatItAlwaysDid(@ForAll("shortNames") String name) {
        assertThat(NameRule.POOL.allowsCharacters(name)).as(name)
                .isEqualTo(POOL_AS_WRITTEN.matcher(name).matches());
    }

    @Example
    void aHugeNameIsCheckedInLinearTime() {
        String almost = "x".repeat(100 * 1024);
        // the plain pattern took minutes on each of these; every rule must answer at once
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (NameRule rule : NameRule.values()) {
                for (String name : new String[] {almost + "!", almost + "?!", almost + "??x!"}) {
                    assertThat(rule.allowsCharacters(name)).as(rule + " " + name.substring(name.length() - 4))
                            .isFalse();
                }
                assertThat(rule.allowsCharacters(almost)).isTrue();
            }
            assertThat(NameRule.POOL.allowsCharacters("?".repeat(100 * 1024))).isFalse();
        });
    }

    @Provide
    Arbitrary<String> shortNames() {
        return Arbitraries.strings().withChars('a', 'Z', '9', '.', '_', '-', '?', '!', ' ', '\n', '中', '*')
                .ofMaxLength(10);
    }
}
