package io.vdibot.commands.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChineseSpacingTest {

    private static String format(String pattern, Object... args) {
        return ChineseSpacing.format(new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE), args);
    }

    @Test
    void aSpaceSeparatesChineseFromALatinArgument() {
        assertThat(format("于{0}执行", "09:00 Europe/Paris")).isEqualTo("于 09:00 Europe/Paris 执行");
    }

    @Test
    void noSpaceStaysBetweenTwoChineseWords() {
        assertThat(format("{0} 上的虚拟机", "所有站点")).isEqualTo("所有站点上的虚拟机");
        assertThat(format("{0} 上的虚拟机", "站点 dc1")).isEqualTo("站点 dc1 上的虚拟机");
    }

    @Test
    void whatAnArgumentHoldsIsNeverChanged() {
        // adjacent arguments, one ending in a space, the other Chinese: once out of range, now untouched
        assertThat(format("{0}{1}", "ab ", "中文")).isEqualTo("ab 中文");
        assertThat(format("{0}{1}", "中 ", "文")).isEqualTo("中 文");
        assertThat(format("{0}{1}", "中", "x")).isEqualTo("中 x");
        assertThat(format("错误：{0}", " ")).isEqualTo("错误： ");
        assertThat(format("{0}", "")).isEmpty();
    }
}
