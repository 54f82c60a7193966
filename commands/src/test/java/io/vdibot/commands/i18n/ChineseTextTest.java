package io.vdibot.commands.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text of the Chinese bundle, with sample arguments, reads Chinese: no English word is left in it (see
 * {@link LatinWords} for what may stay in Latin letters), and it is spaced as Chinese is.
 */
class ChineseTextTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern NO_SPACE = Pattern.compile("[A-Za-z0-9]\\p{IsHan}|\\p{IsHan}[A-Za-z0-9]");
    private static final Messages CHINESE = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
    private static final LatinWords RULES = LatinWords.rules();

    @Test
    void everyChineseTextIsChineseButForNamesCommandsAndUnits() {
        List<String> offenders = new ArrayList<>();
        for (String key : new TreeSet<>(CHINESE.keys())) {
            if (isGrammar(key)) {
                continue;
            }
            String text = render(key);
            List<String> words = explainsGrammar(key) ? RULES.inGrammarText(text) : RULES.offenders(text);
            if (!words.isEmpty()) {
                offenders.add(key + " " + words + ": " + text);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void aLatinWordAndAChineseWordAreSpacedApart() {
        List<String> offenders = new ArrayList<>();
        for (String key : new TreeSet<>(CHINESE.keys())) {
            String text = render(key);
            if (NO_SPACE.matcher(text).find()) {
                offenders.add(key + ": " + text);
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void argumentsAreSpacedAsChineseIs() {
        String everySite = CHINESE.format("view.every-site");
        assertThat(CHINESE.format("list.heading", CHINESE.format("list.kind.vms"), everySite))
                .isEqualTo("所有站点上的虚拟机");
        assertThat(CHINESE.format("list.heading", CHINESE.format("list.kind.vms"), CHINESE.format("view.site", "dc1")))
                .isEqualTo("站点 dc1 上的虚拟机");
        Schedule later = Schedule.at(Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("Europe/Paris"));
        assertThat(CHINESE.format("reply.task.scheduled", "T1042", CHINESE.describe(later)))
                .isEqualTo("任务 T1042 已计划于 2026-12-01 09:00 Europe/Paris 执行。");
        assertThat(CHINESE.format("reply.task.scheduled", "T1042", CHINESE.format("when.now")))
                .isEqualTo("任务 T1042 已计划立即执行。");
        // what the user typed keeps its own spaces
        assertThat(CHINESE.format("list.empty.filtered", CHINESE.format("view.site", "dc1"), "管理 组"))
                .isEqualTo("站点 dc1 上没有名称匹配“管理 组”的项。");
        // English is never touched
        assertThat(Messages.forLocale(Locale.ENGLISH).format("list.heading", "VMs", "every site"))
                .isEqualTo("VMs at every site");
    }

    @Test
    void everyEngineWordHasAChineseText() {
        for (EngineTerm family : EngineTerm.values()) {
            for (String value : family.known()) {
                assertThat(CHINESE.has(family.key(value))).as(family.key(value)).isTrue();
                assertThat(RULES.offenders(CHINESE.term(family, value))).as(family.key(value)).isEmpty();
            }
        }
        assertThat(CHINESE.term(EngineTerm.VM_STATUS, "powering_up")).isEqualTo("正在开机");
        assertThat(CHINESE.term(EngineTerm.HOST_STATUS, "a_status_of_tomorrow")).isEqualTo("a_status_of_tomorrow");
    }

    @Test
    void theWordsTheTestFlagsAreFlagged() {
        assertThat(RULES.offenders("步骤 preflight 状态 done")).containsExactly("preflight", "done");
        assertThat(RULES.offenders("ok: Task T1030 (vm.create) requested by Alice Martin succeeded."))
                .contains("ok", "Task", "requested", "succeeded").doesNotContain("T1030");
        assertThat(RULES.withNames(List.of("web01")).offenders("虚拟机 web01 于 2026-12-01 09:00 Europe/Paris 执行，内存 4 GiB，IP 地址 10.1.2.3。"))
                .isEmpty();
        assertThat(RULES.offenders("请用 /vdi logs T1042 查看，或加 site=all。")).isEmpty();
        assertThat(RULES.offenders("任务 T1（vm create web01 template=rhel9）已受理：vm.create")).isEmpty();
        assertThat(RULES.offenders("dc1 https://127.0.0.1:8443/ovirt-engine/api fe80::1 /srv/images/a.png"))
                .containsExactly("dc1");
        assertThat(RULES.offenders("list vms")).containsExactly("list", "vms");
        assertThat(RULES.offenders("站点 dc1 上的 latest")).containsExactly("dc1", "latest");
        assertThat(RULES.inGrammarText("可以写 now、tomorrow 08:00 或 latest")).isEmpty();
    }

    /** The command lines of the grammar and their examples are what one types, in any language. */
    private static boolean isGrammar(String key) {
        return key.endsWith(".usage") || key.endsWith(".example");
    }

    /** Help, parse mistakes and form labels name what one types: parameter names, their values. */
    static boolean explainsGrammar(String key) {
        return key.endsWith(".help") || key.startsWith("help.") || key.startsWith("arg.") || key.startsWith("command.")
                || key.startsWith("field.");
    }

    /**
     * The text of {@code key} with a sample for each argument: a number, which every argument can format (names may
     * stay Latin anyway, and a {@code choice} needs a number).
     */
    static String render(String key) {
        String pattern = ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE,
                Messages.class.getClassLoader(), Utf8Control.INSTANCE).getString(key);
        Matcher m = ARGUMENT.matcher(pattern);
        int count = 0;
        while (m.find()) {
            count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
        }
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            args[i] = 2;
        }
        return CHINESE.format(key, args);
    }
}
