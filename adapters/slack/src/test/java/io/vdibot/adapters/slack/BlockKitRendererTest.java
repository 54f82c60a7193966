package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final Gson gson = GsonFactory.createSnakeCase();

    @Test
    void textFromTheEstateCannotFormatLinkOrMention() {
        Reply reply = Reply.builder().text("VM *web_01* by <!channel> & <@U123>").code("echo `a` ``` <b>").build();
        Rendered rendered = renderer.render(reply);
        SectionBlock plain = (SectionBlock) rendered.blocks().get(0);
        assertThat(plain.getText().getType()).isEqualTo("plain_text");
        assertThat(plain.getText().getText()).isEqualTo("VM *web_01* by <!channel> & <@U123>");
        SectionBlock code = (SectionBlock) rendered.blocks().get(1);
        assertThat(code.getText().getType()).isEqualTo("mrkdwn");
        assertThat(code.getText().getText()).startsWith("```").endsWith("```")
                .contains("&lt;b&gt;").doesNotContain("<b>").doesNotContain("``` &lt;");
    }

    @Test
    void aFieldNamingAMomentShowsItInEachReadersOwnZoneAndNothingElseAsMrkdwn() {
        java.time.Instant at = java.time.Instant.parse("2026-12-01T08:00:00Z");
        Reply reply = Reply.builder().fields(List.of(new FieldsBlock.Field("Runs *soon*",
                "at 2026-12-01 09:00 Europe/Paris", at))).build();
        String json = gson.toJson(renderer.render(reply).blocks());
        assertThat(json).contains("Runs *soon*: at 2026-12-01 09:00 Europe/Paris").contains("\"type\":\"context\"");
        com.slack.api.model.block.ContextBlock context = (com.slack.api.model.block.ContextBlock)
                renderer.render(reply).blocks().get(1);
        assertThat(gson.toJson(context.getElements().get(0))).contains("plain_text").contains("Runs *soon*");
        assertThat(((com.slack.api.model.block.composition.MarkdownTextObject) context.getElements().get(1))
                .getText()).isEqualTo("<!date^" + at.getEpochSecond()
                        + "^{date_short_pretty} {time}|2026-12-01T08:00:00Z>");
        assertThat(gson.toJson(renderer.render(Reply.builder().fields(List.of(new FieldsBlock.Field("Runs", "now")))
                .build()).blocks())).doesNotContain("<!date");
    }

    @Test
    void toneIsAnIconBeforeTheFirstWordsAndHeadingsAreHeaders() {
        Rendered rendered = renderer.render(Reply.builder().tone(Reply.Tone.ERROR).heading("Task T7 failed")
                .text("clean-up done").build());
        assertThat(rendered.blocks().get(0)).isInstanceOf(HeaderBlock.class);
        assertThat(((HeaderBlock) rendered.blocks().get(0)).getText().getText()).isEqualTo("\u274C Task T7 failed");
        assertThat(rendered.text()).startsWith("\u274C Task T7 failed").contains("clean-up done");
    }

    @Test
    void approvalButtonsKeepTheirIdsAndOtherCommandsArePrefixed() {
        Rendered rendered = renderer.render(Reply.builder().actions(
                new Action(Action.APPROVE, "Approve", "T1042", Action.Style.PRIMARY),
                new Action(Action.REJECT, "Reject", "T1042", Action.Style.DANGER),
                new Action(Action.CANCEL, "Cancel", "T1042", Action.Style.DEFAULT)).build());
        ActionsBlock actions = (ActionsBlock) rendered.blocks().get(0);
        List<ButtonElement> buttons = actions.getElements().stream().map(ButtonElement.class::cast).toList();
        assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("approve", "reject", "cmd.cancel");
        assertThat(buttons).extracting(ButtonElement::getValue).containsOnly("T1042");
        assertThat(buttons).extracting(ButtonElement::getStyle).containsExactly("primary", "danger", null);
    }

    @Test
    void aShortTableIsInlineAndALongOneIsPreviewedAndAttachedAsCsv() {
        Rendered small = renderer.render(Reply.builder().table(List.of("VM", "IP"),
                List.of(List.of("web-01", "10.0.0.1"), List.of("虚拟机-02", "10.0.0.2"))).build());
        assertThat(small.files()).isEmpty();
        String text = ((SectionBlock) small.blocks().get(0)).getText().getText();
        assertThat(text).contains("VM         IP", "虚拟机-02  10.0.0.2");

        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of("pool-vm-" + i, "10.1.0." + i));
        }
        Rendered large = renderer.render(Reply.builder().table(List.of("VM", "IP"), rows).build());
        assertThat(large.files()).hasSize(1);
        Rendered.FileAttachment csv = large.files().get(0);
        assertThat(csv.filename()).isEqualTo("table.csv");
        assertThat(new String(csv.data(), StandardCharsets.UTF_8)).startsWith("VM,IP\r\npool-vm-1,10.1.0.1\r\n")
                .contains("pool-vm-60,10.1.0.60");
        String preview = ((SectionBlock) large.blocks().get(0)).getText().getText();
        assertThat(preview).contains("pool-vm-10").doesNotContain("pool-vm-11 ");
        assertThat(gson.toJson(large.blocks().get(1))).contains("table.csv (60)");
    }

    @Test
    void slacksLimitsAreKept() {
        Reply.Builder many = Reply.builder();
        for (int i = 0; i < 80; i++) {
            many.text("line " + i);
        }
        Rendered rendered = renderer.render(many.build());
        assertThat(rendered.blocks()).hasSize(BlockKitRenderer.MESSAGE_BLOCKS);
        assertThat(rendered.files()).extracting(Rendered.FileAttachment::filename).containsExactly("reply.txt");

        Rendered longText = renderer.render(Reply.text("x".repeat(7000)));
        assertThat(longText.blocks()).hasSize(3).allSatisfy(b ->
                assertThat(((SectionBlock) b).getText().getText().length()).isLessThanOrEqualTo(3000));

        List<FieldsBlock.Field> fields = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            fields.add(new FieldsBlock.Field("k" + i, "v" + i));
        }
        Rendered fieldSections = renderer.render(Reply.builder().fields(fields).build());
        assertThat(fieldSections.blocks()).hasSize(2);
        assertThat(((SectionBlock) fieldSections.blocks().get(0)).getFields()).hasSize(10);
    }

    @Test
    void imagesBecomeFilesWithTheirDescription() {
        Rendered rendered = renderer.render(Reply.builder().image(new byte[] {1, 2, 3}, "image/png",
                "dashboard-dc1.png", "Site dc1: hosts and VMs").build());
        assertThat(rendered.files()).singleElement().satisfies(f -> {
            assertThat(f.image()).isTrue();
            assertThat(f.filename()).isEqualTo("dashboard-dc1.png");
        });
        assertThat(gson.toJson(rendered.blocks())).contains("Site dc1: hosts and VMs");
    }
}
