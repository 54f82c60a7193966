package io.vdibot.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.reply.Reply;
import org.junit.jupiter.api.Test;

class TaskStatusLinesTest {

    private static Reply progress(String text) {
        return Reply.builder().kind(Reply.Kind.PROGRESS).text(text).build();
    }

    private static Reply milestone(String text, Reply.Tone tone) {
        return Reply.builder().kind(Reply.Kind.MILESTONE).tone(tone).text(text).build();
    }

    @Test
    void progressAndPlainMilestonesFoldIntoTheStatusWarningsAndResultsDoNot() {
        assertThat(TaskStatusLines.folds(progress("Batch 1 of 3: growing"))).isTrue();
        assertThat(TaskStatusLines.folds(milestone("Batch 1 of 3 done", Reply.Tone.INFO))).isTrue();
        assertThat(TaskStatusLines.folds(milestone("Low on memory", Reply.Tone.WARNING))).isFalse();
        assertThat(TaskStatusLines.folds(Reply.text("Pool ready"))).isFalse();
    }

    @Test
    void theStatusShowsTheLatestMilestoneAndTheStepAfterIt() {
        TaskStatusLines lines = new TaskStatusLines();
        lines.fold("T1", progress("Batch 1 of 2: growing"));
        lines.fold("T1", milestone("Batch 1 of 2 done: 24 of 48", Reply.Tone.INFO));
        assertThat(lines.of("T1").step()).isNull();
        lines.fold("T1", progress("Batch 2 of 2: growing"));
        assertThat(lines.of("T1").milestone().plainText()).contains("24 of 48");
        assertThat(lines.of("T1").step().plainText()).contains("Batch 2 of 2: growing");
        assertThat(lines.of("T2")).isEqualTo(new TaskStatusLines.Lines(null, null));

        TaskStatusLines.Lines after = lines.posted("T1");
        assertThat(after.step()).isNull();
        assertThat(after.milestone().plainText()).contains("24 of 48");
    }
}
