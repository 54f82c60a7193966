package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.core.execution.NodeIdentity;
import io.vdibot.core.intake.TaskJson;
import io.vdibot.persistence.ownership.ObjectOwner;
import io.vdibot.persistence.ownership.ObjectOwners;
import io.vdibot.persistence.task.NewTask;
import io.vdibot.persistence.task.Requester;
import io.vdibot.persistence.task.TaskRecord;
import io.vdibot.persistence.task.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bot node that ended a task and was killed before it posted the result leaves the result pending; another node
 * posts it (what the task row keeps: status and summary), runs what follows a success (the pool's owner is
 * recorded), tells the on-call people, and marks it posted so that nobody posts it again.
 */
class LeftResultEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GONE = "node-gone";

    private BotHarness bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void resultsAKilledNodeHadNotPostedArePostedOnceByAnotherNode() {
        bot = BotHarness.start(Map.of("vdibot.execution.heartbeat", "500ms", "vdibot.execution.stale-after", "3s"));
        DataSource dataSource = bot.bean(DataSource.class);
        TaskRepository tasks = new TaskRepository(dataSource);

        TaskRecord pool = leftBehind(dataSource, new PoolCreateRequest("left-pool", "rhel9-desktop", 2, null, null,
                        null, null, null, null, "dc1", null, null, null, null, Schedule.immediately(Clock.systemUTC(), ZoneOffset.UTC)),
                TaskStatus.SUCCEEDED, "Pool left-pool: 2 of 2 VMs up with an IP address.");
        TaskRecord vm = leftBehind(dataSource, new VmCreateRequest("left-vm", "rhel9-desktop", "dc1", null, null, null,
                null, Schedule.immediately(Clock.systemUTC(), ZoneOffset.UTC)), TaskStatus.FAILED, "no host has 4 GiB of free memory");

        String p = pool.code();
        assertThat(bot.await("^\\[" + p + "\\] ok: ", WAIT)).isEqualTo("[" + p + "] ok: Task " + p
                + " (pool.create) succeeded: Pool left-pool: 2 of 2 VMs up with an IP address.");
        bot.awaitIn(p, "The bot node that ran it stopped before it could post the full result\\.", WAIT);
        bot.await("^\\[on-call\\] ok: Task " + p + " \\(pool.create\\) requested by Alice Martin", WAIT);
        String v = vm.code();
        assertThat(bot.await("^\\[" + v + "\\] error: ", WAIT)).isEqualTo("[" + v + "] error: Task " + v
                + " (vm.create) failed: no host has 4 GiB of free memory");
        bot.await("^\\[on-call\\] error: Task " + v + " \\(vm.create\\) requested by Alice Martin", WAIT);

        assertThat(bot.bean(ObjectOwners.class).find("pool", "dc1", "left-pool")).get()
                .extracting(ObjectOwner::ownerUid).isEqualTo("alice");
        String me = bot.bean(NodeIdentity.class).id();
        for (TaskRecord left : new TaskRecord[] {pool, vm}) {
            TaskRecord now = tasks.findById(left.id()).orElseThrow();
            assertThat(now.claimedBy()).as("%s taken over", left.code()).isEqualTo(me);
            assertThat(now.status()).isEqualTo(left.status());
        }
        // marked posted: not pending even for a node that would count every heartbeat as stale
        assertThat(tasks.findResultsPendingOnDeadNodes(Instant.now().plus(Duration.ofDays(1))))
                .extracting(TaskRecord::id).doesNotContain(pool.id(), vm.id());
        assertThat(bot.count("^\\[(" + p + "|" + v + ")\\] (ok|error): ")).isEqualTo(2);
    }

    /** A task that {@link #GONE} claimed and ended a minute ago, and then died before posting its result. */
    private TaskRecord leftBehind(DataSource dataSource, TaskRequest request, TaskStatus status, String summary) {
        TaskRepository aMinuteAgo = new TaskRepository(dataSource,
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(1)), ZoneOffset.UTC));
        TaskJson json = bot.bean(TaskJson.class);
        TaskRecord task = aMinuteAgo.insert(new NewTask(request.commandId(), json.write(request),
                TaskStatus.SCHEDULED, "dc1", new Requester(Platform.CONSOLE, "alice", "alice", "Alice Martin"),
                Locale.ENGLISH, ZoneOffset.UTC, json.write(ThreadRef.of(Platform.CONSOLE, "console", "left")), null,
                Instant.now().plus(Duration.ofDays(1))));
        assertThat(aMinuteAgo.claim(task.id(), GONE)).isTrue();
        assertThat(aMinuteAgo.finish(task.id(), status, summary)).isTrue();
        return aMinuteAgo.findById(task.id()).orElseThrow();
    }
}
