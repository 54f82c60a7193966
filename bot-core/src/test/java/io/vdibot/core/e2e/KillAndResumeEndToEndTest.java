package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.DataSources;
import io.vdibot.persistence.embedded.EmbeddedMariaDb;
import io.vdibot.persistence.embedded.EmbeddedMariaDbSettings;
import io.vdibot.persistence.task.StepStatus;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import io.vdibot.persistence.task.TaskStepRecord;
import io.vdibot.persistence.task.TaskStepRepository;
import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Engine;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bot process is killed with SIGKILL while it creates a VM; another one, started on the same database and
 * engines, takes the task over once the first has been silent long enough, resumes it from its last completed
 * step and finishes it: the VM is created once, never twice, and the task runs once from the start.
 */
class KillAndResumeEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DB_PASSWORD = "kill-and-resume";

    private Path base;
    private EmbeddedMariaDb database;
    private HikariDataSource dataSource;
    private Simulator engines;
    private BotProcess first;
    private BotProcess second;

    @BeforeEach
    void startDatabaseAndEngine() throws Exception {
        base = BotHarness.newDataDir();
        database = EmbeddedMariaDb.start(EmbeddedMariaDbSettings.defaults().withDataDir(base.resolve("mariadb"))
                .withCredentials("vdibot", DB_PASSWORD));
        dataSource = DataSources.pooled(database.jdbcUrl(), database.user(), database.password(), 2);
        // engine time at a fifth of real time: the VM takes several seconds to come up, long enough to kill a bot
        engines = Simulator.builder().sites(1).basePort(0).timeScale(0.2).password("vdibot").start();
        Files.writeString(base.resolve("engine-ca.pem"), engines.caCertificatePem(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, engines, dataSource, database}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // keep closing the rest
                }
            }
        }
    }

    @Test
    void aTaskWhoseBotWasKilledIsResumedByAnotherBotAndCreatesItsVmOnce() throws Exception {
        first = bot("node-a");
        first.type("/vdi vm create crash-01 template=rhel9-desktop");
        String task = first.await("\\[(T\\d+)\\] Task T\\d+ \\(.*\\) accepted", WAIT).replaceAll("^\\[(T\\d+)\\].*", "$1");
        first.await("\\[" + task + "\\] Task " + task + " \\(vm.create\\) has started", WAIT);

        TaskRepository tasks = new TaskRepository(dataSource);
        TaskStepRepository steps = new TaskStepRepository(dataSource);
        long id = tasks.findByCode(task).orElseThrow().id();
        // kill it once the VM exists and its creation is journaled, long before the VM is up
        awaitTrue(() -> vmsNamed("crash-01") == 1
                && steps.find(id, "create-vm").map(TaskStepRecord::isDone).orElse(false), WAIT);
        assertThat(tasks.findById(id).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
        first.kill();
        Instant killed = Instant.now();
        TaskRecord orphan = tasks.findById(id).orElseThrow();
        assertThat(orphan.status()).as("killed mid-run").isEqualTo(TaskStatus.RUNNING);
        assertThat(orphan.claimedBy()).isEqualTo("node-a");
        assertThat(first.lines()).noneMatch(l -> l.startsWith("[" + task + "] ok:"));

        second = bot("node-b");
        second.await("\\[" + task + "\\] Task " + task + " \\(vm.create\\) is resuming from its last completed step",
                WAIT);
        String result = second.await("\\[" + task + "\\] ok: ", WAIT);
        assertThat(result).contains("crash-01");
        second.await("\\[" + task + "\\] IP address: \\d+\\.\\d+\\.\\d+\\.\\d+", WAIT);
        second.await("^\\[on-call\\] ok: Task " + task, WAIT);
        // resumed, not started again from the beginning
        assertThat(second.count("\\[" + task + "\\] .*has started")).isZero();

        TaskRecord done = tasks.findById(id).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.claimedBy()).isEqualTo("node-b");
        assertThat(done.resultSummary()).contains("crash-01");

        List<TaskStepRecord> journal = steps.list(id);
        assertThat(journal).extracting(TaskStepRecord::stepKey)
                .containsExactly("preflight", "create-vm", "wait-created", "start-vm", "wait-up", "wait-ip");
        assertThat(journal).allMatch(s -> s.status() == StepStatus.DONE);
        TaskStepRecord create = step(journal, "create-vm");
        assertThat(create.finishedAt()).as("create-vm was done by the killed bot and not again").isBefore(killed);
        assertThat(step(journal, "preflight").finishedAt()).isBefore(killed);
        assertThat(step(journal, "wait-ip").finishedAt()).isAfter(killed);

        assertThat(vmsNamed("crash-01")).isEqualTo(1);
        assertThat(vmCreations("crash-01")).isEqualTo(1);
    }

    private BotProcess bot(String node) {
        Path logs = base.resolve("logs");
        return BotProcess.launch(node, logs, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), List.of(
                "--vdibot.node-id=" + node,
                "--vdibot.data-dir=" + base.resolve(node),
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + DB_PASSWORD,
                "--vdibot.sites[0].name=dc1",
                "--vdibot.sites[0].url=" + engines.site("dc1").apiUrl(),
                "--vdibot.sites[0].ca-file=" + base.resolve("engine-ca.pem"),
                "--vdibot.sites[0].password=vdibot",
                "--vdibot.execution.heartbeat=1s",
                "--vdibot.execution.stale-after=4s",
                "--vdibot.progress-interval=500ms",
                "--vdibot.console.enabled=true"));
    }

    private static TaskStepRecord step(List<TaskStepRecord> journal, String key) {
        Optional<TaskStepRecord> found = journal.stream().filter(s -> s.stepKey().equals(key)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no step " + key + " in " + journal));
    }

    private long vmsNamed(String name) {
        Engine engine = engines.site("dc1").engine();
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> name.equals(vm.name)).count());
    }

    private long vmCreations(String name) {
        Engine engine = engines.site("dc1").engine();
        String text = "VM " + name + " was created";
        return engine.read(() -> engine.estate().events.stream()
                .filter(e -> e.code == 34 && e.description != null && e.description.startsWith(text)).count());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
