package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.i18n.LatinWords;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bot in Chinese from the console: a requester who typed {@code /lang zh} reads statuses, steps and logs in
 * Chinese; dave, whose directory entry asks for Chinese, reads every main command's answer without an English word
 * ({@link LatinWords}: only names of the estate, ids, units and commands stay Latin); and the on-call notice is
 * written whole in {@code vdibot.oncall.locale}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseConsoleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * The console marks a reply's tone and an image with fixed tags ({@code ok: }, {@code warning: },
     * {@code error: }, {@code chart: }) where Slack shows an emoji and Teams a coloured card: markup, not words.
     */
    private static final Pattern CONSOLE_TAG = Pattern.compile("^(ok|warning|error|chart): ");
    private static BotHarness bot;
    private static LatinWords rules;
    private static String created;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(Map.of("vdibot.oncall.locale", "zh-CN"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    @Order(1)
    void afterLangZhARequesterReadsStatusesStepsAndLogsInChinese() {
        bot.type("/login alice");
        bot.type("/lang zh");
        bot.type("/vdi vm create zh-01 template=rhel9-desktop");
        created = bot.awaitTask("zh-01", WAIT);
        bot.awaitIn(created, "^ok: == 虚拟机 zh-01 已就绪 ==", WAIT);
        assertThat(bot.thread(created)).anyMatch(l -> l.matches("预检 +\\S+.*"));

        String task = String.join("\n", ask("/vdi task " + created));
        assertThat(task).contains("状态: 成功").containsPattern("预检 +已完成").containsPattern("IP 地址 +已完成")
                .doesNotContain("preflight").doesNotContain("done");

        List<String> logs = ask("/vdi logs " + created);
        assertThat(rows(logs)).isNotEmpty().allMatch(row -> row.matches("\\S+ \\S+ +部署 +.*"));
        assertThat(String.join("\n", logs)).contains("当前状态为已关机").doesNotContain("deploy");

        String vms = String.join("\n", ask("/vdi list vms"));
        assertThat(vms).containsPattern("par-jump-01 +运行中").containsPattern("par-win11-golden +已关机");
        assertThat(String.join("\n", ask("/vdi list hosts"))).containsPattern("par-hv-i02 +维护中");
        assertThat(String.join("\n", ask("/vdi list storage"))).containsPattern("paris-data-01 +数据.* +活动");
        assertThat(String.join("\n", ask("/vdi list templates"))).containsPattern("win10-22h2 +1 +1 base version +正常");
        assertThat(String.join("\n", ask("/vdi list pools"))).containsPattern("finance-win10 .* 自动 ");
        assertThat(String.join("\n", ask("/vdi show pool finance-win10"))).contains("类型: 自动");
        assertThat(String.join("\n", ask("/vdi dashboard site=dc1"))).contains("维护（1）");
    }

    @Test
    @Order(2)
    void theOnCallNoticeIsWrittenWholeInTheOnCallLanguage() {
        String notice = bot.await("^\\[on-call\\] .*" + created, WAIT);
        List<String> lines = bot.lines().stream().filter(l -> l.startsWith("[on-call] ")).map(l -> l.substring(10))
                .toList();
        assertThat(notice).contains("提交的任务 " + created + "（vm.create）已成功完成");
        assertThat(lines).anyMatch(l -> l.startsWith("站点 dc1：已在站点 dc1 创建虚拟机 zh-01"));
        for (String line : lines) {
            assertThat(rules().offenders(untagged(line))).as(line).isEmpty();
        }
    }

    @Test
    @Order(3)
    void daveReadsEveryMainCommandWithoutAnEnglishWord() {
        bot.type("/login dave");
        List<String> commands = List.of("/vdi help", "/vdi help pool create", "/vdi sites", "/vdi list vms",
                "/vdi list vms site=all", "/vdi list pools", "/vdi list templates", "/vdi list hosts",
                "/vdi list clusters", "/vdi list storage", "/vdi list networks", "/vdi list users",
                "/vdi list groups", "/vdi list roles", "/vdi list vms par-*", "/vdi list pools zzz*",
                "/vdi list vms page=99", "/vdi show vm par-jump-01", "/vdi show vm par-jmp-01",
                "/vdi show pool finance-win10", "/vdi show pool eng-rhel9-??", "/vdi show template win11-23h2",
                "/vdi show template win10-22h2 site=dc2", "/vdi dashboard", "/vdi refresh site=dc2", "/vdi tasks",
                "/vdi tasks mine", "/vdi task " + created, "/vdi logs " + created, "/vdi logs " + created + " error",
                "/vdi task T9999", "/vdi locks", "/vdi vm create dave-01 template=rhel9-desktop",
                "/vdi list vms site=mars", "/vdi pool frobnicate", "/vdi vm create", "/vdi list vms page=0");
        // help and parse mistakes name what one types: parameter names and their values
        List<String> aboutTheGrammar = List.of("/vdi help", "/vdi help pool create", "/vdi pool frobnicate",
                "/vdi vm create", "/vdi list vms page=0");
        List<String> offenders = new ArrayList<>();
        for (String command : commands) {
            List<String> reply = ask(command);
            assertThat(reply).as(command).isNotEmpty();
            for (String line : reply) {
                List<String> words = aboutTheGrammar.contains(command) ? rules().inGrammarText(untagged(line))
                        : rules().offenders(untagged(line));
                if (!words.isEmpty()) {
                    offenders.add(command + " → " + words + " in: " + line);
                }
            }
        }
        assertThat(offenders).isEmpty();
        bot.type("/login alice");
    }

    @Test
    @Order(4)
    void aChineseReaderReadsTheLogOfAnEnglishRequesterInChinese() {
        bot.type("/login alice");
        bot.type("/lang en");
        bot.type("/vdi vm create en-01 template=rhel9-desktop");
        String task = bot.awaitTask("en-01", WAIT);
        bot.awaitIn(task, "^ok: == VM en-01 is ready ==", WAIT);
        assertThat(String.join("\n", ask("/vdi logs " + task))).containsPattern(" deploy +Preflight")
                .contains("status is down");

        bot.type("/login dave");
        bot.type("/lang zh");
        rules = null; // en-01 is a name of the estate now
        List<String> logs = ask("/vdi logs " + task);
        assertThat(rows(logs)).hasSizeGreaterThan(3).allMatch(row -> row.matches("\\S+ \\S+ +部署 +.*"));
        assertThat(String.join("\n", logs)).contains("预检通过").contains("当前状态为已关机");
        for (String line : logs) {
            assertThat(rules().offenders(line)).as(line).isEmpty();
        }
        assertThat(String.join("\n", ask("/vdi task " + task))).containsPattern("预检 +已完成");
        bot.type("/login alice");
    }

    // ---- helpers ----

    /**
     * Types {@code line} and returns its reply. A user's requests are answered one at a time in the order typed, so
     * once a second line typed after it is answered, the whole reply to the first is printed.
     */
    private static List<String> ask(String line) {
        String label = bot.send(line);
        String fence = bot.send("/vdi help sites");
        bot.awaitIn(fence, ".", WAIT);
        return bot.thread(label);
    }

    private static String untagged(String line) {
        return CONSOLE_TAG.matcher(line).replaceFirst("");
    }

    /** The table rows of a reply: the lines after the rule under the headers. */
    private static List<String> rows(List<String> reply) {
        int rule = 0;
        while (rule < reply.size() && !reply.get(rule).matches("-+( +-+)*")) {
            rule++;
        }
        return reply.subList(Math.min(rule + 1, reply.size()), reply.size());
    }

    /** What may stay Latin, with every text of the simulated estates and of the requester as names. */
    private static LatinWords rules() {
        if (rules == null) {
            List<String> names = new ArrayList<>();
            for (String site : List.of("dc1", "dc2")) {
                Engine engine = bot.bean(Simulator.class).site(site).engine();
                names.addAll(engine.read(() -> texts(engine.estate())));
            }
            TaskRecord task = bot.task(created);
            names.add(task.requester().displayName());
            names.add(task.requester().directoryUid());
            names.add("dave");
            rules = LatinWords.rules().withNames(names);
        }
        return rules;
    }

    /** Every string held by the estate's objects: names, descriptions, addresses, OS types, version names. */
    private static List<String> texts(Object estate) {
        List<String> texts = new ArrayList<>();
        for (Field field : estate.getClass().getFields()) {
            Object value = get(field, estate);
            Collection<?> objects = value instanceof Map<?, ?> map ? map.values()
                    : value instanceof Collection<?> list ? list : List.of();
            if (value instanceof String text) {
                texts.add(text);
            }
            for (Object object : objects) {
                for (Field inner : object.getClass().getFields()) {
                    if (!Modifier.isStatic(inner.getModifiers())) {
                        Object held = get(inner, object);
                        if (held instanceof String text) {
                            texts.add(text);
                        } else if (held instanceof Collection<?> strings) {
                            strings.stream().filter(String.class::isInstance).map(String.class::cast)
                                    .forEach(texts::add);
                        }
                    }
                }
            }
        }
        return texts;
    }

    private static Object get(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
