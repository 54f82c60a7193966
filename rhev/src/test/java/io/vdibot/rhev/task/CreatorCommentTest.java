package io.vdibot.rhev.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreatorCommentTest {

    @Test
    void aTaskRecognisesOnlyWhatItCreated() {
        String comment = CreatorComment.of("T1042");

        assertThat(comment).isEqualTo("Created by VDI Bot task T1042");
        assertThat(CreatorComment.isCreatedBy(comment, "T1042")).isTrue();
        assertThat(CreatorComment.isCreatedBy(comment, "T104")).isFalse();
        assertThat(CreatorComment.isCreatedBy(CreatorComment.of("T10420"), "T1042")).isFalse();
        assertThat(CreatorComment.isCreatedBy("Jump host, ask Bob", "T1042")).isFalse();
        assertThat(CreatorComment.isCreatedBy(null, "T1042")).isFalse();
    }
}
