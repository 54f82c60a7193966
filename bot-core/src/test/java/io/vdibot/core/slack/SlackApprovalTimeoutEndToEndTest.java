package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request nobody decides on, in Slack through the Web API stand-in: the approvers are reminded under the card, also
 * in the channel; then the card loses its buttons and says it expired, the requester is told in the request's thread,
 * and an Approve clicked on an old copy of the card is refused to the clicker alone.
 */
class SlackApprovalTimeoutEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEV = "C0DEV";
    private static SlackHarness bot;
    private static SlackWebApi slack;

    @BeforeAll
    static void start() {
        bot = SlackHarness.start(Map.of("vdibot.approval.commands", "vm.create,template.migrate,pool.delete",
                "vdibot.approval.remind-after", "3s", "vdibot.approval.expire-after", "15s"));
        slack = bot.slack();
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void theApproversAreRemindedUnderTheCardThenItExpiresAndALateApproveIsRefused() throws Exception {
        bot.slash("U0ALICE", DEV, "vm create slack-exp-01 template=rhel9-desktop", "exp");
        String task = bot.awaitTask("slack-exp-01", WAIT);
        SlackWebApi.Call card = slack.await("chat.postMessage", c -> SlackHarness.APPROVERS.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.allText().contains(task), WAIT);
        String cardTs = slack.postedTs(card);
        SlackWebApi.Call status = slack.await("chat.postMessage", c -> DEV.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.allText().contains(task), WAIT);
        String root = slack.postedTs(status);

        SlackWebApi.Call reminder = slack.await("chat.postMessage", c -> cardTs.equals(c.param("thread_ts"))
                && c.allText().contains("Reminder: task " + task), WAIT);
        assertThat(reminder.param("channel")).isEqualTo(SlackHarness.APPROVERS);
        assertThat(reminder.param("reply_broadcast")).as("shown in the channel, not only in the thread")
                .isIn("1", "true");
        assertThat(reminder.allText()).contains("from Alice Martin", "expires at");

        SlackWebApi.Call closed = slack.await("chat.update", c -> cardTs.equals(c.param("ts"))
                && c.allText().contains("Expired at"), WAIT);
        assertThat(closed.param("channel")).isEqualTo(SlackHarness.APPROVERS);
        assertThat(closed.allText()).contains("Alice Martin asks for approval of task " + task,
                "nobody decided within 15 s");
        assertThat(closed.param("blocks")).doesNotContain("\"type\":\"actions\"");
        slack.await("chat.postMessage", c -> DEV.equals(c.param("channel")) && root.equals(c.param("thread_ts"))
                && c.allText().contains("Task " + task + " (vm.create) expired: no approver decided within 15 s"), WAIT);
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.EXPIRED);

        // bob clicks Approve on a copy of the card drawn before it changed
        bot.interact(bot.click("U0BOB", SlackHarness.APPROVERS, cardTs, card.blocks(), "approve", task, "late"));
        JsonObject refusal = slack.awaitResponse("late", r -> true, WAIT);
        assertThat(refusal.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(refusal.get("text").getAsString()).contains("Task " + task + " expired at ",
                "can no longer be approved");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.EXPIRED);
        assertThat(bot.task(task).approval().decidedBy()).isNull();
        assertThat(bot.vmsNamed("dc1", "slack-exp-01")).isZero();
        assertThat(slack.calls("chat.update").stream().filter(c -> cardTs.equals(c.param("ts")))).hasSize(1);
    }

    /** The {@code ts} the stand-in answered this post with. */
}
