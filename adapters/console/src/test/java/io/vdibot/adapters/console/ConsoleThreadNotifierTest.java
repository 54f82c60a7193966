package io.vdibot.adapters.console;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleThreadNotifierTest {

    private static final ThreadRef LINE_3 = ConsoleAdapter.threadOf(3);
    private static final ThreadRef TASK_THREAD =
            new ThreadRef(Platform.CONSOLE, "console", "c3", "T1042", Map.of());

    private final CapturedOutput console = new CapturedOutput();
    private final ConsoleThreadNotifier notifier =
            new ConsoleThreadNotifier(console.output(), new ConsoleRenderer());

    @Test
    void everyLineOfATaskThreadCarriesTheTaskId() {
        notifier.post(TASK_THREAD, Reply.builder()
                .text("Task T1042 (vm.create) is waiting for an approver.")
                .actions(new Action(Action.APPROVE, "Approve", "T1042", Action.Style.PRIMARY),
                        new Action(Action.REJECT, "Reject", "T1042", Action.Style.DANGER))
                .build());

        assertThat(console.lines()).containsExactly(
                "[T1042] Task T1042 (vm.create) is waiting for an approver.",
                "[T1042] [Approve] /vdi approve T1042",
                "[T1042] [Reject] /vdi reject T1042");
    }

    @Test
    void outsideATaskLinesCarryTheConsoleThreadIdOrTheChannel() {
        notifier.post(LINE_3, Reply.builder().table(List.of("SITE", "VMS"), List.of(List.of("paris", "12"))).build());
        notifier.post(ThreadRef.of(Platform.CONSOLE, "console", null), Reply.text("Channel-wide."));

        assertThat(console.lines()).containsExactly(
                "[c3] SITE   VMS",
                "[c3] -----  ---",
                "[c3] paris  12",
                "[console] Channel-wide.");
    }

    @Test
    void anUpdatePrintsTheNewContentAsNewLinesUnderTheSamePrefix() {
        MessageHandle progress = notifier.post(TASK_THREAD, Reply.text("Creating web01: 1 of 3 steps"));
        MessageHandle other = notifier.post(LINE_3, Reply.text("Listed."));

        notifier.update(progress, Reply.text("Creating web01: 2 of 3 steps"));

        assertThat(progress.thread()).isEqualTo(TASK_THREAD);
        assertThat(progress.messageId()).isNotEqualTo(other.messageId());
        assertThat(console.lines()).containsExactly(
                "[T1042] Creating web01: 1 of 3 steps",
                "[c3] Listed.",
                "[T1042] Creating web01: 2 of 3 steps");
    }

    @Test
    void onCallAlertsAreTagged() {
        notifier.notifyOnCall(Reply.builder().tone(Reply.Tone.ERROR)
                .text("Task T1042 (vm.create) requested by alice failed: no free IP.")
                .text("See /vdi logs T1042.")
                .build());

        assertThat(console.lines()).containsExactly(
                "[on-call] error: Task T1042 (vm.create) requested by alice failed: no free IP.",
                "[on-call] See /vdi logs T1042.");
    }

    @Test
    void chartsAreSavedAsFilesAndNamedInTheThread(@TempDir Path dir) throws Exception {
        ConsoleThreadNotifier withImages =
                new ConsoleThreadNotifier(console.output(), new ConsoleRenderer(new ImageDirectory(dir)));

        withImages.post(LINE_3, Reply.builder().image(new byte[] {1, 2}, "image/png", "tasks.png", "Tasks").build());

        Path file = dir.resolve("0001-tasks.png");
        assertThat(console.lines()).containsExactly("[c3] chart: Tasks (" + file + ")");
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2);
    }

    @Test
    void repliesPostedFromTwoThreadsAtOnceNeverInterleave() throws Exception {
        int repliesPerThread = 300;
        int linesPerReply = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> posters = new ArrayList<>();
            for (String task : List.of("T1", "T2")) {
                ThreadRef thread = new ThreadRef(Platform.CONSOLE, "console", "c1", task, Map.of());
                posters.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < repliesPerThread; r++) {
                        Reply.Builder reply = Reply.builder();
                        for (int l = 0; l < linesPerReply; l++) {
                            reply.text("reply " + r + " line " + l);
                        }
                        notifier.post(thread, reply.build());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> poster : posters) {
                poster.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = console.lines();
        assertThat(lines).hasSize(2 * repliesPerThread * linesPerReply);
        for (int group = 0; group < lines.size(); group += linesPerReply) {
            String first = lines.get(group);
            String head = first.substring(0, first.indexOf(" line "));
            for (int l = 0; l < linesPerReply; l++) {
                assertThat(lines.get(group + l)).isEqualTo(head + " line " + l);
            }
        }
    }
}
