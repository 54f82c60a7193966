package io.vdibot.commands.i18n;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.port.IdentityRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private static final Map<String, String> ENGLISH = load("messages.properties");
    private static final Map<String, String> CHINESE = load("messages_zh_CN.properties");

    @Test
    void bothBundlesHaveExactlyTheSameKeys() {
        assertThat(CHINESE.keySet()).isEqualTo(ENGLISH.keySet());
    }

    @Test
    void eachKeyHasTheSamePlaceholdersInBothLanguages() {
        for (String key : ENGLISH.keySet()) {
            assertThat(placeholders(CHINESE.get(key))).as(key).isEqualTo(placeholders(ENGLISH.get(key)));
        }
    }

    @Test
    void noPatternHasALoneApostropheThatMessageFormatWouldSwallow() {
        List<String> offenders = new ArrayList<>();
        for (Map<String, String> bundle : List.of(ENGLISH, CHINESE)) {
            bundle.forEach((key, value) -> {
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    offenders.add(key);
                }
            });
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theChineseBundleIsTranslatedNotCopied() {
        for (String key : ENGLISH.keySet()) {
            boolean grammar = key.endsWith(".usage") || key.endsWith(".example");
            if (!grammar) {
                assertThat(CHINESE.get(key)).as(key).isNotEqualTo(ENGLISH.get(key));
                // punctuation alone (a list separator) has no words to translate, only its Chinese form
                boolean punctuation = !LETTER.matcher(ENGLISH.get(key)).find();
                assertThat(punctuation || CJK.matcher(CHINESE.get(key)).find()).as(key + " holds Chinese").isTrue();
            }
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() {
        Set<String> needed = new TreeSet<>(List.of(
                "command.unknown", "command.did-you-mean",
                "arg.missing", "arg.unknown", "arg.no-options", "arg.duplicate", "arg.empty", "arg.missing-equals",
                "arg.unexpected", "arg.unterminated-quote", "arg.bad-syntax", "arg.not-a-number",
                "arg.out-of-range", "arg.too-small", "arg.too-large", "arg.exceeds", "arg.bad-size", "arg.not-a-boolean",
                "arg.bad-choice", "arg.bad-name", "arg.too-long", "arg.bad-character", "arg.bad-task-id", "arg.bad-template-version",
                "arg.bad-when", "arg.bad-zone", "arg.when-in-past", "arg.requires", "arg.at-least-one",
                "arg.must-differ", "when.now", "when.at",
                "help.overview.title", "help.overview.footer", "help.family.title", "help.label.usage",
                "help.label.example", "action.approve", "action.reject", "action.cancel",
                "reply.invalid", "reply.task.accepted", "reply.task.scheduled", "reply.task.pending-approval",
                "reply.denied", "reply.unknown-user", "reply.task.started",
                "reply.task.succeeded", "reply.task.failed", "reply.task.cancelled", "reply.task.rejected",
                "reply.task.approved", "reply.task.ran-late", "reply.task.interrupted", "reply.task.not-found",
                "reply.approval.self", "reply.oncall.succeeded", "reply.oncall.failed", "reply.no-reason",
                "reply.internal-error"));
        for (CommandSpec<?> spec : AllCommands.registry().all()) {
            needed.addAll(List.of(spec.usageKey(), spec.helpKey(), spec.exampleKey()));
            spec.form().ifPresent(form -> {
                needed.add(form.titleKey());
                form.fields().forEach(f -> needed.add(f.labelKey()));
            });
        }
        for (TaskStatus status : TaskStatus.values()) {
            needed.add(status.messageKey());
        }
        for (IdentityRefusal refusal : IdentityRefusal.values()) {
            needed.add(refusal.messageKey());
        }

        assertThat(ENGLISH.keySet()).containsAll(needed);
    }

    @Test
    void formatsWithArguments() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(english.format("reply.task.accepted", "T1042", "now", "vm create web01"))
                .isEqualTo("Task T1042 (vm create web01) accepted; it will run now.");
        assertThat(english.format("reply.denied")).isEqualTo("Sorry, you are not allowed to do that.");
        assertThat(chinese.format("reply.task.accepted", "T1042", chinese.format("when.now"), "vm create web01"))
                .isEqualTo("任务 T1042（vm create web01）已受理，将立即执行。");
    }

    @Test
    void formatsAParseMistake() {
        FieldError error = FieldError.of("size", "arg.too-small", "size", "0", 1);

        assertThat(Messages.forLocale(Locale.ENGLISH).format(error)).isEqualTo("size: 0 is too small; it must be at least 1.");
        assertThat(Messages.forLocale(Locale.CHINA).format(error)).isEqualTo("size：0 太小，至少应为 1。");
    }

    @Test
    void aParseMistakeShowsALongValueCut() {
        FieldError error = FieldError.of("name", "arg.bad-name", "name", "<!channel>".repeat(10_000));

        String english = Messages.forLocale(Locale.ENGLISH).format(error);

        assertThat(english).startsWith("name: “<!channel><!channel>").contains("…” is not a valid name")
                .hasSizeLessThan(Messages.SHOWN_MAX + 200);
        // a character outside the BMP is never cut in half
        String emoji = Messages.forLocale(Locale.ENGLISH)
                .format(FieldError.of("reason", "arg.bad-name", "reason", "\uD83D\uDE00".repeat(300)));
        assertThat(emoji).contains("\uD83D\uDE00…").doesNotContain("\uD83D…");
    }

    @Test
    void theKeysAndWordsAParseMistakeListsAreShownWhole() {
        for (CommandSpec<?> spec : AllCommands.registry().all()) {
            FieldError unknown = AllCommands.registry().parse(spec.wordsText() + " colour=blue", CONTEXT).errors()
                    .stream().filter(e -> e.field().equals("colour")).findFirst().orElseThrow();
            assertThat(Messages.forLocale(Locale.ENGLISH).format(unknown)).as(spec.id()).doesNotContain("…");
        }
    }

    @Test
    void aHugeNumberIsTooLargeNotTooSmall() {
        FieldError error = FieldError.of("size", "arg.too-large", "size", "99999999999999999999", Integer.MAX_VALUE);

        assertThat(Messages.forLocale(Locale.ENGLISH).format(error))
                .isEqualTo("size: 99999999999999999999 is too large; it must be at most 2147483647.");
        assertThat(Messages.forLocale(Locale.CHINA).format(error))
                .isEqualTo("size：99999999999999999999 太大，最多为 2147483647。");
    }

    @Test
    void describesASchedule() {
        Schedule later = Schedule.at(Instant.parse("2026-12-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Schedule now = Schedule.immediately(java.time.Clock.systemUTC(), ZoneId.of("UTC"));

        assertThat(Messages.forLocale(Locale.ENGLISH).describe(later)).isEqualTo("at 2026-12-01 09:00 Asia/Shanghai");
        assertThat(Messages.forLocale(Locale.ENGLISH).describe(now)).isEqualTo("now");
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).describe(later))
                .isEqualTo("于 2026-12-01 09:00 Asia/Shanghai");
    }

    @Test
    void anUnknownKeyFailsLoudly() {
        Messages english = Messages.forLocale(Locale.ENGLISH);

        assertThatThrownBy(() -> english.format("reply.no-such-key")).isInstanceOf(MissingResourceException.class);
        assertThat(english.has("reply.no-such-key")).isFalse();
        assertThat(english.has("reply.denied")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"zh-CN, zh-CN", "zh, zh-CN", "zh-Hans, zh-CN", "zh-SG, zh-CN", "zh-TW, en", "zh-HK, en",
            "zh-Hant-CN, en", "en-US, en", "fr-FR, en", "und, en"})
    void picksTheLanguageForALocale(String requested, String expected) {
        assertThat(Messages.forLocale(Locale.forLanguageTag(requested)).locale())
                .isEqualTo(Locale.forLanguageTag(expected));
    }

    @Test
    void noLocaleMeansEnglish() {
        assertThat(Messages.forLocale(null).format("reply.denied")).isEqualTo("Sorry, you are not allowed to do that.");
    }

    @Test
    void englishStaysEnglishOnAServerWhoseDefaultLocaleIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            ResourceBundle.clearCache(Messages.class.getClassLoader());

            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH,
                    Messages.class.getClassLoader(), Utf8Control.INSTANCE);

            assertThat(bundle.getString("reply.denied")).isEqualTo("Sorry, you are not allowed to do that.");
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache(Messages.class.getClassLoader());
        }
    }

    @Test
    void chineseTextIsReadAsUtf8() {
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).format("reply.denied"))
                .isEqualTo("抱歉，您没有执行此操作的权限。");
    }

    @Test
    void keysIncludeInheritedOnes() {
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).keys()).containsAll(ENGLISH.keySet());
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }

    private static Map<String, String> load(String file) {
        Properties properties = new Properties();
        String resource = "/io/vdibot/commands/" + file;
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
