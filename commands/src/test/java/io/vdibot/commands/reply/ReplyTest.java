package io.vdibot.commands.reply;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyTest {

    @Test
    void buildsBlocksInOrder() {
        Reply reply = Reply.builder()
                .tone(Reply.Tone.SUCCESS)
                .heading("Pool dev-?? created")
                .fields(List.of(new FieldsBlock.Field("Size", "20"), new FieldsBlock.Field("Site", "paris")))
                .table(List.of("VM", "IP"), List.of(List.of("dev-01", "10.0.0.5"), List.of("dev-02", "10.0.0.6")))
                .code("vm create x template=t")
                .image(new byte[] {1, 2, 3}, "image/png", "chart.png", "VMs per site")
                .actions(new Action(Action.APPROVE, "Approve", "T1042", Action.Style.PRIMARY),
                        new Action(Action.REJECT, "Reject", "T1042", Action.Style.DANGER))
                .build();

        assertThat(reply.tone()).isEqualTo(Reply.Tone.SUCCESS);
        assertThat(reply.blocks()).hasSize(6);
        assertThat(reply.plainText()).isEqualTo("""
                Pool dev-?? created
                Size: 20
                Site: paris
                VM | IP
                dev-01 | 10.0.0.5
                dev-02 | 10.0.0.6
                vm create x template=t
                VMs per site
                [Approve] [Reject]\s
                """);
    }

    @Test
    void aTextReplyIsInformational() {
        assertThat(Reply.text("hello")).isEqualTo(new Reply(Reply.Kind.RESULT, Reply.Tone.INFO,
                List.of(new TextBlock("hello", TextStyle.PLAIN))));
    }

    @Test
    void isImmutable() {
        List<Block> blocks = new ArrayList<>(List.of(new TextBlock("a", TextStyle.PLAIN)));
        Reply reply = new Reply(Reply.Kind.RESULT, Reply.Tone.INFO, blocks);
        blocks.clear();

        assertThat(reply.blocks()).hasSize(1);
        assertThatThrownBy(() -> reply.blocks().add(new TextBlock("b", TextStyle.PLAIN)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anImageKeepsItsOwnCopyOfTheBytesAndComparesByContent() {
        byte[] bytes = {1, 2, 3};
        ImageBlock image = new ImageBlock(bytes, "image/png", "chart.png", "chart");
        bytes[0] = 9;
        image.data()[1] = 9;

        assertThat(image.data()).containsExactly(1, 2, 3);
        assertThat(image).isEqualTo(new ImageBlock(new byte[] {1, 2, 3}, "image/png", "chart.png", "chart"))
                .hasSameHashCodeAs(new ImageBlock(new byte[] {1, 2, 3}, "image/png", "chart.png", "chart"));
        assertThat(image).isNotEqualTo(new ImageBlock(new byte[] {1, 2}, "image/png", "chart.png", "chart"));
        assertThat(image.toString()).contains("3 bytes");
    }

    @Test
    void aTableHasOneCellPerHeaderInEveryRow() {
        assertThatThrownBy(() -> new TableBlock(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableBlock(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TableBlock(List.of("a"), List.of()).rows()).isEmpty();
    }

    @Test
    void anActionsBlockHasAButton() {
        assertThatThrownBy(() -> new ActionsBlock(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
