package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.task.LogKind;
import io.vdibot.persistence.task.TaskLogEntry;
import io.vdibot.persistence.task.TaskLogRepository;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A flaky or absent engine: transient failures are retried with backoff a bounded number of times, so a few
 * 503s and dropped connections do not fail a task (nor create a VM twice), and an engine that is down fails
 * the task after those retries with a message that says which site did not answer, told to the requester
 * and to the on-call people.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineFaultEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @AfterEach
    void healEngine() {
        faults().clear();
    }

    @Test
    @Order(1)
    void afewFailedAndDroppedRequestsAreRetriedAndTheTaskSucceeds() {
        bot.type("/login alice");
        // accepted on a healthy engine; the faults meet the executor's calls a few seconds later
        bot.type("/vdi vm create flaky-01 template=rhel9-desktop at=+3s");
        String task = bot.awaitTask("flaky-01", WAIT);
        bot.awaitIn(task, "accepted", WAIT);
        FaultPlan.Settings flaky = new FaultPlan.Settings();
        flaky.pathPattern = "vms";
        flaky.failNext = 2;
        flaky.resetNext = 1;
        faults().apply(flaky);

        bot.awaitIn(task, "has started", WAIT);
        bot.awaitIn(task, "^ok: .*flaky-01", RUN);

        assertThat(faults().settings().failNext).as("every injected 503 was met").isZero();
        assertThat(faults().settings().resetNext).as("the dropped connection was met").isZero();
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(bot.vmsNamed("dc1", "flaky-01")).isEqualTo(1);
        assertThat(bot.vmCreations("dc1", "flaky-01")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anEngineThatIsDownFailsTheTaskAfterBoundedRetriesWithAClearMessage() {
        bot.type("/login alice");
        FaultPlan.Settings down = new FaultPlan.Settings();
        down.down = true;
        faults().apply(down);

        // accepted on the inventory the bot saw moments ago; the executor's preflight finds the engine gone
        bot.type("/vdi vm create down-01 template=rhel9-desktop");
        String task = bot.awaitTask("down-01", WAIT);
        bot.awaitIn(task, "has started", WAIT);
        long started = System.nanoTime();
        String failed = bot.awaitIn(task, "^error: ", RUN);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failed).startsWith("error: Task " + task + " (vm.create) failed: Site dc1 did not answer after 5 attempts");
        assertThat(bot.thread(task)).contains("Details: /vdi logs " + task);
        String onCall = bot.await("^\\[on-call\\] error: Task " + task, WAIT);
        assertThat(onCall).contains("requested by Alice Martin failed: Site dc1 did not answer after 5 attempts");
        // backoff 1 + 2 + 4 + 8 s between the five attempts, and then it stops
        assertThat(took).isBetween(Duration.ofSeconds(12), Duration.ofSeconds(60));

        TaskRecord stored = bot.task(task);
        assertThat(stored.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(stored.resultSummary()).contains("Site dc1 did not answer after 5 attempts");
        faults().clear();
        assertThat(bot.vmsNamed("dc1", "down-01")).isZero();

        String logs = bot.send("/vdi logs " + task + " error");
        assertThat(bot.awaitIn(logs, "did not answer", WAIT)).contains("dc1");
        // the failed step is written once, not again as the task's reason
        List<String> errors = bot.bean(TaskLogRepository.class).list(stored.id(), LogKind.ERROR).stream()
                .map(TaskLogEntry::message).toList();
        assertThat(errors).filteredOn(line -> line.contains("did not answer after 5 attempts")).hasSize(1);
        assertThat(errors).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void onceTheEngineIsBackTheSameRequestSucceeds() {
        bot.type("/login alice");
        bot.type("/vdi vm create down-02 template=rhel9-desktop");
        String task = bot.awaitTask("down-02", WAIT);
        bot.awaitIn(task, "^ok: .*down-02", RUN);
        assertThat(bot.vmsNamed("dc1", "down-02")).isEqualTo(1);
    }

    private static FaultPlan faults() {
        return bot.bean(Simulator.class).site("dc1").faults();
    }
}
