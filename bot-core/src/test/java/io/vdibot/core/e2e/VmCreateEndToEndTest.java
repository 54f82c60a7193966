package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.Simulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main path: a console line becomes a VM that is up with an IP, reported in the thread. */
class VmCreateEndToEndTest {

    private static final Duration LONG = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void vmCreateGivesAVmThatIsUpWithAnIpReportedInTheThread() {
        bot.type("/login alice");
        bot.type("/vdi vm create e2e-01 template=rhel9-desktop");
        String task = bot.awaitGroup("\\[(T\\d+)\\] .*accepted", LONG);
        bot.await("\\[" + task + "\\] .*has started", LONG);
        bot.await("\\[" + task + "\\] ok: .*e2e-01", LONG);
        assertThat(bot.lines()).anyMatch(l -> l.startsWith("[" + task + "]") && l.matches(".*10\\.\\d+\\.\\d+\\.\\d+.*"));
        // on-call is told after the thread: wait for it rather than look once
        bot.await("^\\[on-call\\] .*" + task, LONG);

        bot.type("/vdi logs " + task);
        bot.await("\\[c\\d+\\] .*e2e-01", LONG);
    }

    @Test
    void aViewerIsRefusedAndNothingIsCreated() {
        bot.type("/login dave");
        bot.type("/vdi vm create e2e-denied template=rhel9-desktop");
        // dave reads Chinese: his directory entry says zh-CN.
        bot.await("\\[c\\d+\\] warning: .*(not allowed|权限)", LONG);
        bot.type("/login alice");
        var engine = bot.bean(Simulator.class).site("dc1").engine();
        assertThat(engine.read(() -> engine.estate().vms.values().stream().noneMatch(vm -> vm.name.equals("e2e-denied"))))
                .isTrue();
    }
}
