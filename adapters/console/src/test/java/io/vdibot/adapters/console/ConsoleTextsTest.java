package io.vdibot.adapters.console;

import io.vdibot.commands.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleTextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ConsoleTexts english = ConsoleTexts.forLocale(Locale.ENGLISH);
        ConsoleTexts chinese = ConsoleTexts.forLocale(Messages.SIMPLIFIED_CHINESE);

        assertThat(chinese.keys()).isNotEmpty().containsExactlyInAnyOrderElementsOf(english.keys());
        assertThat(chinese.format("console.login.done", "bob")).isEqualTo("你现在的身份是 bob。");
    }

    @Test
    void languagesFollowTheBotsRule() {
        assertThat(ConsoleTexts.forLocale(Locale.forLanguageTag("zh-Hans-SG")).format("console.lang.done"))
                .isEqualTo("回复已切换为简体中文。");
        assertThat(ConsoleTexts.forLocale(Locale.TRADITIONAL_CHINESE).format("console.lang.done"))
                .isEqualTo("Replies are now in English.");
        assertThat(ConsoleTexts.forLocale(null).format("console.lang.done"))
                .isEqualTo("Replies are now in English.");
    }

    @Test
    void anUnknownKeyFailsLoudly() {
        assertThatThrownBy(() -> ConsoleTexts.forLocale(Locale.ENGLISH).format("console.nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
