package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The adapter's two bundles have the same keys and placeholders, and the Chinese one is translated. */
class SlackTextsTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        ResourceBundle en = SlackTexts.forLocale(Locale.ENGLISH).bundle();
        ResourceBundle zh = SlackTexts.forLocale(Locale.SIMPLIFIED_CHINESE).bundle();
        assertThat(new TreeSet<>(Collections.list(zh.getKeys()))).isEqualTo(new TreeSet<>(Collections.list(en.getKeys())));
        for (String key : Collections.list(en.getKeys())) {
            assertThat(new MessageFormat(zh.getString(key)).getFormatsByArgumentIndex().length).as(key)
                    .isEqualTo(new MessageFormat(en.getString(key)).getFormatsByArgumentIndex().length);
        }
        Set<String> sameInBoth = Set.of("slack.home.title");
        for (String key : Collections.list(en.getKeys())) {
            if (!sameInBoth.contains(key)) {
                assertThat(zh.getString(key)).as(key).isNotEqualTo(en.getString(key));
            }
        }
    }

    @Test
    void chineseForZhAndEnglishOtherwise() {
        assertThat(SlackTexts.forLocale(Locale.forLanguageTag("zh-CN")).format("slack.form.submit")).isEqualTo("提交");
        assertThat(SlackTexts.forLocale(Locale.forLanguageTag("fr-FR")).format("slack.form.submit")).isEqualTo("Submit");
        assertThat(SlackTexts.forLocale(null).format("slack.reject.title", "T7")).isEqualTo("Reject T7");
    }
}
