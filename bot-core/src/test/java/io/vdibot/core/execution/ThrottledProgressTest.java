package io.vdibot.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.MessageHandle;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Reply;
import io.vdibot.core.notify.Notifiers;
import io.vdibot.core.notify.QuietChat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottledProgressTest {

    private static final ThreadRef THREAD = new ThreadRef(Platform.CONSOLE, "console", null, "T1", java.util.Map.of());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final Notifiers notifiers = new Notifiers(List.of(new Recording(said)));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aStatusLineWaitingForItsIntervalIsShownBeforeTheMilestoneSaidAfterIt() {
        ThrottledProgress progress = new ThrottledProgress(THREAD, notifiers, timer, Duration.ofHours(1));
        progress.progress("Batch 3 of 3: growing");
        progress.progress("Batch 3 of 3: waiting");
        progress.milestone(Reply.text("Batch 3 of 3 done"));
        progress.say(Reply.text("Pool ready"));

        assertThat(said).containsExactly("post PROGRESS Batch 3 of 3: growing", "update PROGRESS Batch 3 of 3: waiting",
                "post MILESTONE Batch 3 of 3 done", "post RESULT Pool ready");
    }

    @Test
    void aMilestoneKeepsItsToneAndLinesSaidTooFastAfterItAreStillDroppedForTheNewest() {
        ThrottledProgress progress = new ThrottledProgress(THREAD, notifiers, timer, Duration.ofHours(1));
        progress.say(Reply.builder().kind(Reply.Kind.PROGRESS).text("started").build());
        progress.progress("Waiting for the IP address");
        progress.progress("Still waiting for the IP address");
        progress.milestone(Reply.builder().tone(Reply.Tone.WARNING).text("low on memory").build());
        progress.progress("Checking");
        progress.progress("Checked");
        progress.flushPending();
        progress.close();

        assertThat(said).containsExactly("post PROGRESS started", "post PROGRESS Waiting for the IP address",
                "update PROGRESS Still waiting for the IP address", "post MILESTONE low on memory WARNING",
                "update PROGRESS Checked");
    }

    /** Writes down what it is asked to show, in order. */
    private static final class Recording extends QuietChat {
        private final List<String> said;

        Recording(List<String> said) {
            super(Platform.CONSOLE);
            this.said = said;
        }

        @Override
        public MessageHandle post(ThreadRef thread, Reply reply) {
            said.add("post " + describe(reply));
            return new MessageHandle(thread, "m" + said.size());
        }

        @Override
        public void update(MessageHandle message, Reply reply) {
            said.add("update " + describe(reply));
        }

        private static String describe(Reply reply) {
            return reply.kind() + " " + reply.plainText().strip()
                    + (reply.tone() == Reply.Tone.INFO ? "" : " " + reply.tone());
        }
    }
}
