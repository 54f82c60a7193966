package io.vdibot.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.reply.Action;
import io.vdibot.commands.reply.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleChatAdapterTest {

    private final CapturedOutput console = new CapturedOutput();
    private final ConsoleChatAdapter adapter = new ConsoleChatAdapter(console.output(), new ConsoleRenderer());

    @Test
    void isTheConsolePlatformAndAlwaysIdle() throws Exception {
        adapter.start();
        assertThat(adapter.platform()).isEqualTo(Platform.CONSOLE);
        assertThat(adapter.awaitIdle(Duration.ZERO)).isTrue();
        adapter.close();
        adapter.close();
    }

    @Test
    void approversAreAskedInTheRequestersTaskThread() {
        ThreadRef request = new ThreadRef(Platform.CONSOLE, ConsoleAdapter.CHANNEL, "c2", "T7", Map.of());

        adapter.notifier().notifyApprovers(request, Reply.builder().kind(Reply.Kind.QUESTION)
                .text("Approve T7?").actions(new Action(Action.APPROVE, "Approve", "T7", Action.Style.PRIMARY))
                .build());

        assertThat(console.lines()).containsExactly("[T7] Approve T7?", "[T7] [Approve] /vdi approve T7");
    }
}
