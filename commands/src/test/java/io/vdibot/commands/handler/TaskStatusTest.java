package io.vdibot.commands.handler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static io.vdibot.commands.handler.TaskStatus.CANCELLED;
import static io.vdibot.commands.handler.TaskStatus.FAILED;
import static io.vdibot.commands.handler.TaskStatus.INTERRUPTED;
import static io.vdibot.commands.handler.TaskStatus.PARTIALLY_SUCCEEDED;
import static io.vdibot.commands.handler.TaskStatus.PENDING_APPROVAL;
import static io.vdibot.commands.handler.TaskStatus.REJECTED;
import static io.vdibot.commands.handler.TaskStatus.RUNNING;
import static io.vdibot.commands.handler.TaskStatus.SCHEDULED;
import static io.vdibot.commands.handler.TaskStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

class TaskStatusTest {

    private static Set<TaskStatus> next(TaskStatus from) {
        return Arrays.stream(TaskStatus.values()).filter(from::canMoveTo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskStatus.class)));
    }

    @Test
    void transitions() {
        assertThat(next(PENDING_APPROVAL)).containsExactlyInAnyOrder(SCHEDULED, REJECTED, CANCELLED, TaskStatus.EXPIRED);
        assertThat(next(SCHEDULED)).containsExactlyInAnyOrder(RUNNING, CANCELLED);
        assertThat(next(RUNNING)).containsExactlyInAnyOrder(SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED, CANCELLED,
                INTERRUPTED, TaskStatus.WAITING, TaskStatus.REFUSED);
        assertThat(next(TaskStatus.WAITING)).containsExactlyInAnyOrder(RUNNING, CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(TaskStatus.class)
    void aFinalStateNeverChangesAndEveryOtherCanEnd(TaskStatus status) {
        assertThat(next(status).isEmpty()).isEqualTo(status.isFinal());
    }

    @Test
    void messageKeysFollowTheBundleNaming() {
        assertThat(PENDING_APPROVAL.messageKey()).isEqualTo("task.status.pending-approval");
        assertThat(PARTIALLY_SUCCEEDED.messageKey()).isEqualTo("task.status.partially-succeeded");
    }
}
