package io.vdibot.commands.help;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.reply.Block;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TextBlock;
import io.vdibot.commands.reply.TextStyle;
import io.vdibot.commands.spec.VdiRequest;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

class HelpRendererTest {

    private static final CommandRegistry REGISTRY = AllCommands.registry();
    private static final HelpRenderer HELP = new HelpRenderer(REGISTRY);
    private static final Messages ENGLISH = Messages.forLocale(Locale.ENGLISH);
    private static final Messages CHINESE = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);

    private static Reply help(String line, Messages messages) {
        VdiRequest request = REGISTRY.parse(line, CONTEXT).request();
        return HELP.render((HelpRequest) request, messages);
    }

    private static List<TextBlock> texts(Reply reply) {
        return reply.blocks().stream().map(TextBlock.class::cast).toList();
    }

    @Test
    void listsEveryCommandWithItsUsageLine() {
        List<TextBlock> blocks = texts(help("help", ENGLISH));

        assertThat(blocks.get(0)).isEqualTo(new TextBlock("VDI Bot commands", TextStyle.HEADING));
        assertThat(blocks.get(1).style()).isEqualTo(TextStyle.CODE);
        assertThat(blocks.get(1).text().lines().toList()).containsExactlyElementsOf(
                REGISTRY.all().stream().map(s -> "/vdi " + s.usage()).toList());
        assertThat(blocks.get(2).text()).contains("/vdi help pool create");
    }

    @Test
    void listsEveryCommandInChinese() {
        List<TextBlock> blocks = texts(help("/vdi help", CHINESE));

        assertThat(blocks.get(0).text()).isEqualTo("VDI Bot 命令");
        assertThat(blocks.get(1).text().lines()).hasSize(REGISTRY.all().size())
                .contains("/vdi vm create 名称 template=模板 [site=站点] [cluster=集群] [memory=4GiB] [cpus=2]"
                        + " [init=\"脚本\"] [at=时间]")
                .contains("/vdi task 任务编号");
        assertThat(blocks.get(2).text()).startsWith("输入 /vdi help");
    }

    @Test
    void explainsOneCommandWithUsageDescriptionAndExample() {
        CommandSpec<?> spec = REGISTRY.require("pool.create");

        assertThat(texts(help("help pool create", ENGLISH))).containsExactly(
                new TextBlock("/vdi pool create", TextStyle.HEADING),
                new TextBlock("Creates a VM pool from a template and can give a directory group access to it.",
                        TextStyle.PLAIN),
                new TextBlock("Usage:", TextStyle.PLAIN),
                new TextBlock("/vdi " + spec.usage(), TextStyle.CODE),
                new TextBlock("Example:", TextStyle.PLAIN),
                new TextBlock("/vdi " + ENGLISH.format("pool.create.example"), TextStyle.CODE));
    }

    @Test
    void explainsOneCommandInChinese() {
        List<TextBlock> blocks = texts(help("help template migrate", CHINESE));

        assertThat(blocks).extracting(TextBlock::text).containsExactly(
                "/vdi template migrate",
                "通过共享导出存储将模板的一个版本（version=N，默认为最新版本）从一个站点复制到另一个站点；"
                        + "若该存储在别处，会先将其带到源站点。",
                "用法：",
                "/vdi template migrate 名称 [version=版本号] from=源站点 to=目标站点 cluster=集群 storage=存储域"
                        + " [as=新名称] [move-back=true|false] [at=时间]",
                "示例：",
                "/vdi " + CHINESE.format("template.migrate.example"));
    }

    @Test
    void everyCommandHasHelpInBothLanguages() {
        for (Messages messages : List.of(ENGLISH, CHINESE)) {
            for (CommandSpec<?> spec : REGISTRY.all()) {
                Reply reply = HELP.render(new HelpRequest(spec.words()), messages);

                assertThat(texts(reply).get(0).text()).isEqualTo("/vdi " + spec.wordsText());
                assertThat(reply.tone()).isEqualTo(Reply.Tone.INFO);
            }
        }
    }

    @Test
    void aFamilyListsItsCommands() {
        List<TextBlock> blocks = texts(help("help pool", ENGLISH));

        assertThat(blocks.get(0).text()).isEqualTo("pool commands");
        assertThat(blocks.get(1).text().lines()).hasSize(7).allMatch(line -> line.startsWith("/vdi pool "));
    }

    @Test
    void anUnknownTopicSaysSoAndSuggests() {
        Reply english = help("help tempalte create", ENGLISH);
        Reply chinese = help("help frobnicate", CHINESE);

        assertThat(english.tone()).isEqualTo(Reply.Tone.WARNING);
        assertThat(texts(english)).extracting(TextBlock::text).startsWith(
                "I do not know the command “tempalte create”.", "Did you mean “/vdi template create”?");
        assertThat(texts(chinese).get(0).text()).isEqualTo("无法识别命令“frobnicate”。");
    }

    @Test
    void extraWordsAfterACommandStillExplainIt() {
        assertThat(texts(help("help pool create web-??", ENGLISH)).get(0).text()).isEqualTo("/vdi pool create");
    }

    @Test
    void aParseErrorReplyListsTheMistakesAndTheUsage() {
        ParseResult.Invalid<?> invalid = (ParseResult.Invalid<?>) REGISTRY.parse("pool resize web size=0", CONTEXT);

        Reply english = ParseErrorReply.render(invalid, ENGLISH);
        Reply chinese = ParseErrorReply.render(invalid, CHINESE);

        assertThat(english.tone()).isEqualTo(Reply.Tone.ERROR);
        assertThat(english.plainText()).isEqualTo("""
                I could not run that command:
                • size: 0 is too small; it must be at least 1.
                Usage:
                /vdi pool resize NAME size=N [site=S] [at=WHEN]
                """);
        assertThat(chinese.plainText()).isEqualTo("""
                无法执行该命令：
                • size：0 太小，至少应为 1。
                用法：
                /vdi pool resize 名称 size=数量 [site=站点] [at=时间]
                """);
        List<Block> blocks = english.blocks();
        assertThat(((TextBlock) blocks.get(blocks.size() - 1)).style()).isEqualTo(TextStyle.CODE);
    }

    @Test
    void aFloodOfMistakesIsListedOnceEachAndTenAtMost() {
        StringBuilder words = new StringBuilder("reject T1");
        for (int i = 0; i < 20_000; i++) {
            words.append(" w").append(i % 50).append(" again");
        }
        ParseResult.Invalid<?> invalid = (ParseResult.Invalid<?>) REGISTRY.parse(words.toString(), CONTEXT);

        List<String> english = texts(ParseErrorReply.render(invalid, ENGLISH)).stream().map(TextBlock::text).toList();
        List<String> chinese = texts(ParseErrorReply.render(invalid, CHINESE)).stream().map(TextBlock::text).toList();

        // 51 different stray words: ten listed, then how many more, then the usage line
        assertThat(english).hasSize(1 + ParseErrorReply.MISTAKES_SHOWN + 1 + 2);
        assertThat(english.get(1)).isEqualTo("• Unexpected word w0.");
        assertThat(english.get(2)).isEqualTo("• Unexpected word again.");
        assertThat(english.get(11)).isEqualTo("• … and 41 more.");
        assertThat(english.get(13)).isEqualTo("/vdi reject ID [reason=\"…\"]");
        assertThat(chinese.get(11)).isEqualTo("• ……另有 41 处错误。");
    }

    @Test
    void anUnknownCommandReplyPointsToHelp() {
        ParseResult.Invalid<?> invalid = (ParseResult.Invalid<?>) REGISTRY.parse("pool creat x", CONTEXT);

        assertThat(ParseErrorReply.render(invalid, ENGLISH).plainText()).isEqualTo("""
                I could not run that command:
                • I do not know the command “pool creat”.
                • Did you mean “/vdi pool create”?
                Usage:
                /vdi help [command words]
                """);
    }
}
