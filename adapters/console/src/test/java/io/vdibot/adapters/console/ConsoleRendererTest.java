package io.vdibot.adapters.console;

import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.FieldsBlock.Field;
import io.vdibot.commands.reply.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleRendererTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final ConsoleRenderer renderer = new ConsoleRenderer();

    @Test
    void textIsPrintedLineByLineHeadingsFramedAndCodeIndented() {
        Reply reply = Reply.builder()
                .heading("Pool desk-eng")
                .text("Three VMs are up.\nOne is still starting.\n")
                .code("/vdi pool resize desk-eng size=4\n\n/vdi tasks")
                .build();

        assertThat(renderer.render(reply)).containsExactly(
                "== Pool desk-eng ==",
                "Three VMs are up.",
                "One is still starting.",
                "    /vdi pool resize desk-eng size=4",
                "",
                "    /vdi tasks");
    }

    @Test
    void fieldsAreLabelColonValueAndLongValuesAreIndented() {
        Reply reply = Reply.builder().fields(List.of(
                new Field("Site", "paris"),
                new Field("VMs", "4 of 10"),
                new Field("Note", "first line\nsecond line"))).build();

        assertThat(renderer.render(reply)).containsExactly(
                "Site: paris",
                "VMs: 4 of 10",
                "Note: first line",
                "  second line");
    }

    @Test
    void tablesAreAlignedUnderAHeaderRule() {
        Reply reply = Reply.builder().table(List.of("TASK", "STATUS", "NAME"), List.of(
                List.of("T1042", "RUNNING", "web01"),
                List.of("T7", "SUCCEEDED", "db"))).build();

        assertThat(renderer.render(reply)).containsExactly(
                "TASK   STATUS     NAME",
                "-----  ---------  -----",
                "T1042  RUNNING    web01",
                "T7     SUCCEEDED  db");
    }

    @Test
    void chineseCellsCountTwoColumnsEach() {
        Reply reply = Reply.builder().table(List.of("名称", "状态"), List.of(
                List.of("web01", "运行中"),
                List.of("数据库", "ok"))).build();

        assertThat(renderer.render(reply)).containsExactly(
                "名称    状态",
                "------  ------",
                "web01   运行中",
                "数据库  ok");
    }

    @Test
    void tableCellsStayOnOneLine() {
        Reply reply = Reply.builder().table(List.of("A", "B"), List.of(List.of("x\ny", "z"))).build();

        assertThat(renderer.render(reply)).containsExactly("A    B", "---  -", "x y  z");
    }

    @Test
    void withoutAnImageWriterAnImageIsNamedButNotWritten() {
        Reply reply = Reply.builder().image(PNG, "image/png", "dashboard.png", "Tasks per site this week").build();

        assertThat(renderer.render(reply)).containsExactly("chart: Tasks per site this week (dashboard.png)");
    }

    @Test
    void imagesAreWrittenToTheDirectoryUnderDistinctNames(@TempDir Path dir) throws IOException {
        ConsoleRenderer writing = new ConsoleRenderer(new ImageDirectory(dir.resolve("charts")));
        Reply reply = Reply.builder()
                .image(PNG, "image/png", "dashboard.png", "Tasks per site")
                .image(new byte[] {9}, "image/png", "dashboard.png", "Failures per day")
                .build();

        List<String> lines = writing.render(reply);

        Path first = dir.resolve("charts").resolve("0001-dashboard.png");
        Path second = dir.resolve("charts").resolve("0002-dashboard.png");
        assertThat(lines).containsExactly(
                "chart: Tasks per site (" + first + ")",
                "chart: Failures per day (" + second + ")");
        assertThat(Files.readAllBytes(first)).isEqualTo(PNG);
        assertThat(Files.readAllBytes(second)).containsExactly(9);
    }

    @Test
    void anImageFileNameFromTheReplyCannotLeaveTheDirectory(@TempDir Path dir) throws IOException {
        Path written = new ImageDirectory(dir).write(
                new io.vdibot.commands.reply.ImageBlock(PNG, "image/png", "../../etc/passwd", "x"));

        assertThat(written.getParent()).isEqualTo(dir);
        assertThat(written.getFileName().toString()).isEqualTo("0001-_.._etc_passwd");
    }

    @Test
    void anImageThatCannotBeWrittenStillShowsItsDescription() {
        ConsoleRenderer failing = new ConsoleRenderer(image -> {
            throw new IOException("disk full");
        });

        assertThat(failing.render(Reply.builder().image(PNG, "image/png", "d.png", "Tasks per site").build()))
                .containsExactly("chart: Tasks per site");
    }

    @Test
    void buttonsBecomeTheCommandLinesTheyWouldSubmit() {
        Reply reply = Reply.builder().actions(
                new Action(Action.APPROVE, "Approve", "T1042", Action.Style.PRIMARY),
                new Action(Action.REJECT, "Reject", "T1042", Action.Style.DANGER),
                new Action("pool.delete", "Delete pool", "desk-eng", Action.Style.DANGER),
                new Action("locks.release", "Release", "", Action.Style.DEFAULT)).build();

        assertThat(renderer.render(reply)).containsExactly(
                "[Approve] /vdi approve T1042",
                "[Reject] /vdi reject T1042",
                "[Delete pool] /vdi pool delete desk-eng",
                "[Release] /vdi locks release");
    }

    @Test
    void theToneMarksTheFirstLineOnly() {
        assertThat(renderer.render(Reply.builder().tone(Reply.Tone.ERROR).text("Task T9 failed.").text("why")
                .build())).containsExactly("error: Task T9 failed.", "why");
        assertThat(renderer.render(Reply.builder().tone(Reply.Tone.WARNING).text("Late.").build()))
                .containsExactly("warning: Late.");
        assertThat(renderer.render(Reply.builder().tone(Reply.Tone.SUCCESS).text("任务 T9 成功。").build()))
                .containsExactly("ok: 任务 T9 成功。");
        assertThat(renderer.render(Reply.text("Hello."))).containsExactly("Hello.");
        assertThat(renderer.render(Reply.builder().tone(Reply.Tone.ERROR).build())).isEmpty();
    }

    @Test
    void terminalControlCharactersInNamesAreNeutralised() {
        Reply reply = Reply.builder()
                .text("Pool \u001b[31mred\u001b[0m created")
                .fields(List.of(new Field("Name", "a\u0007b\tc")))
                .build();

        assertThat(renderer.render(reply)).containsExactly("Pool ?[31mred?[0m created", "Name: a?b    c");
    }
}
