package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.vdibot.commands.handler.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A long task in Slack keeps its thread short: a large pool built in ten batches, then shrunk by sixty VMs. The status
 * message is edited in place ({@code chat.update}) with cumulative counts, the current batch and the ETA, in the order
 * things happened; the thread gets the result alone, with the first rows of the VM table, and the whole table is
 * uploaded into the thread as CSV through {@code files.getUploadURLExternal} and {@code files.completeUploadExternal}.
 */
class SlackLongTaskEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofMinutes(5);
    private static final String CHANNEL = "C0POOLS";
    private static final Pattern MILESTONE = Pattern.compile("Batch (\\d+) of 10 done: (\\d+) of 238 VMs in the pool");
    private static SlackHarness bot;
    private static SlackWebApi slack;

    @BeforeAll
    static void start() {
        // large pools and shrinks run without an approver here: the thread is what is looked at
        bot = SlackHarness.start(Map.of("vdibot.approval.commands", "pool.delete",
                "vdibot.approval.pool-size-threshold", "300", "vdibot.approval.pool-shrink", "false"));
        slack = bot.slack();
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aLargePoolAndItsShrinkLeaveOneStatusMessageOneResultAndTheTableAsAFile() throws Exception {
        bot.slash("U0CAROL", CHANNEL, "pool create big-??? template=rhel9-desktop size=238 batch=24 prestarted=24",
                "big");
        String task = bot.awaitTask("big-???", WAIT);
        awaitDone(task);
        assertThat(bot.idle(WAIT)).isTrue();

        SlackWebApi.Call status = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.allText().contains(task), WAIT);
        String root = slack.postedTs(status);
        // the last edit shows the final counts and the result's headline
        List<SlackWebApi.Call> edits = awaitLastEdit(root, "is ready");
        String last = edits.get(edits.size() - 1).allText();
        assertThat(last).contains("Batch 10 of 10 done: 238 of 238 VMs in the pool, 24 up with an IP address");
        assertThat(edits.size()).as("the status message is edited as the task goes").isGreaterThanOrEqualTo(5);
        // counts only grow: edits arrive in the order things happened
        List<Integer> seen = new ArrayList<>();
        for (SlackWebApi.Call edit : edits) {
            Matcher m = MILESTONE.matcher(edit.allText());
            if (m.find()) {
                seen.add(Integer.parseInt(m.group(2)));
            }
        }
        assertThat(seen).isNotEmpty().isSorted();

        List<SlackWebApi.Call> inThread = threadPosts(root);
        assertThat(inThread).as("no message per step or batch").noneMatch(c -> c.allText().contains("Batch ")
                || c.allText().contains("has started") || c.allText().contains("Checking"));
        List<SlackWebApi.Call> results = inThread.stream().filter(c -> c.allText().contains("big-??? is ready"))
                .toList();
        assertThat(results).hasSize(1);
        assertThat(inThread.size()).as("the result, and at most a warning: " + inThread).isLessThanOrEqualTo(2);
        String result = results.get(0).allText();
        assertThat(result).contains("big-001", "table.csv (238)").doesNotContain("big-238");

        // the whole table, uploaded into the thread as CSV
        SlackWebApi.Call completed = slack.await("files.completeUploadExternal",
                c -> root.equals(c.param("thread_ts")) && CHANNEL.equals(c.param("channel_id")), WAIT);
        String fileId = JsonParser.parseString(completed.param("files")).getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString();
        assertThat(slack.calls("files.getUploadURLExternal")).anyMatch(c -> "table.csv".equals(c.param("filename")));
        String csv = new String(slack.uploaded(fileId), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(239);
        assertThat(csv).contains("big-001,", "big-238,");

        // a shrink by 60: the names once (in the table), not in the status line nor twice in the result
        bot.slash("U0CAROL", CHANNEL, "pool resize big-??? size=178", "shrink");
        String shrink = bot.awaitTask("big-???", 2, WAIT);
        awaitDone(shrink);
        assertThat(bot.idle(WAIT)).isTrue();
        String shrinkRoot = slack.postedTs(slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.allText().contains(shrink), WAIT));
        List<SlackWebApi.Call> shrinkEdits = awaitLastEdit(shrinkRoot, "has 178 VMs");
        assertThat(shrinkEdits).anyMatch(c -> c.allText().contains("Removing 60 VMs from pool big-???: big-238, "
                + "big-237, big-236, big-235, big-234 and 55 more"));
        List<SlackWebApi.Call> shrinkThread = threadPosts(shrinkRoot);
        assertThat(shrinkThread).hasSize(1);
        String shrunk = shrinkThread.get(0).blocks().toString();
        assertThat(shrunk).contains("Pool big-??? shrank from 238 to 178 VMs; removed 60 VMs:", "table.csv (60)");
        assertThat(count(shrunk, "big-238")).as("shown once, in the first rows of the table").isEqualTo(1);
    }

    private static List<SlackWebApi.Call> threadPosts(String root) {
        return slack.calls("chat.postMessage").stream().filter(c -> root.equals(c.param("thread_ts"))).toList();
    }

    /** The edits of a status message, once the last one says {@code text}. */
    private static List<SlackWebApi.Call> awaitLastEdit(String root, String text) {
        slack.await("chat.update", c -> root.equals(c.param("ts")) && c.allText().contains(text), WAIT);
        return slack.calls("chat.update").stream().filter(c -> root.equals(c.param("ts"))).toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static void awaitDone(String task) {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < deadline) {
            TaskStatus status = bot.task(task).status();
            if (status == TaskStatus.SUCCEEDED) {
                return;
            }
            assertThat(status).as(task).isIn(TaskStatus.SCHEDULED, TaskStatus.RUNNING, TaskStatus.PENDING_APPROVAL,
                    TaskStatus.WAITING);
            SlackWebApi.sleep(200);
        }
        throw new AssertionError(task + " is " + bot.task(task).status() + " after " + RUN);
    }
}
