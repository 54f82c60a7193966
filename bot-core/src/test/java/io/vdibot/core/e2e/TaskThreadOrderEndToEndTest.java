package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the console a task's thread reads in the order things happened, with counts for the whole pool, and keeps the
 * full VM table; the replies of two tasks running at once never split each other's lines.
 */
class TaskThreadOrderEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofMinutes(4);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(Map.of("vdibot.approval.pool-size-threshold", "300"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void eachTasksLinesComeInOrderWithCumulativeCountsAndRepliesDoNotInterleave() {
        bot.type("/login carol");
        bot.type("/vdi pool create order-??? template=rhel9-desktop size=72 batch=24 prestarted=24");
        bot.type("/vdi vm create order-vm-01 template=rhel9-desktop");
        String pool = bot.awaitTask("order-???", WAIT);
        String vm = bot.awaitTask("order-vm-01", WAIT);
        bot.awaitIn(vm, "^ok: == VM order-vm-01 is ready ==$", RUN);
        bot.awaitIn(pool, "^ok: == Pool order-\\?\\?\\? is ready ==$", RUN);
        assertThat(bot.task(pool).status()).isEqualTo(TaskStatus.SUCCEEDED);

        List<String> vmThread = bot.thread(vm);
        assertThat(indexOf(vmThread, "Waiting for the IP address of order-vm-01"))
                .isLessThan(indexOf(vmThread, "VM order-vm-01 is up, IP address"));
        assertThat(indexOf(vmThread, "VM order-vm-01 created at site"))
                .isLessThan(indexOf(vmThread, "VM order-vm-01 is up, IP address"));

        List<String> poolThread = bot.thread(pool);
        for (int batch = 1; batch <= 3; batch++) {
            int done = indexOf(poolThread, "Batch " + batch + " of 3 done: ");
            String step = "Batch " + batch + " of 3: ";
            assertThat(done).isPositive();
            assertThat(poolThread.subList(done, poolThread.size())).as("batch %d said after it was done", batch)
                    .noneMatch(l -> l.startsWith(step));
            assertThat(poolThread.subList(0, done)).anyMatch(l -> l.startsWith(step));
        }
        assertThat(poolThread).anyMatch(l -> l.startsWith("Batch 1 of 3 done: 24 of 72 VMs in the pool, 24 up with "
                + "an IP address."));
        assertThat(poolThread).anyMatch(l -> l.startsWith("Batch 3 of 3 done: 72 of 72 VMs in the pool, 24 up with "
                + "an IP address, 48 of 48 created and healthy (down, not started: prestarted=24)."));
        // the console keeps the whole table
        assertThat(poolThread).anyMatch(l -> l.matches("order-001 +up +10\\.\\d+\\.\\d+\\.\\d+"))
                .anyMatch(l -> l.matches("order-072 +down +-"));

        // the result is printed in one piece: from its heading to its last row, no other thread's line
        List<String> lines = bot.lines();
        int heading = lines.indexOf("[" + pool + "] ok: == Pool order-??? is ready ==");
        int lastRow = -1;
        for (int i = heading; i < lines.size(); i++) {
            if (lines.get(i).matches("\\[" + pool + "] order-072 +down +-")) {
                lastRow = i;
                break;
            }
        }
        assertThat(heading).isNotNegative();
        assertThat(lastRow).isGreaterThan(heading);
        assertThat(lines.subList(heading, lastRow + 1)).allMatch(l -> l.startsWith("[" + pool + "] "));
    }

    private static int indexOf(List<String> thread, String start) {
        for (int i = 0; i < thread.size(); i++) {
            if (thread.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with \"" + start + "\" in " + thread);
    }
}
