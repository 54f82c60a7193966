package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.RecordingTask;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolResizeHandlerTest {

    private static PoolFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static TaskHandler<PoolResizeRequest> handler(PoolLimits limits) {
        return fixture.handler(PoolResizeRequest.class, limits, PoolFixture.FAST);
    }

    private static PoolResizeRequest resize(String name, int size, String site) {
        return new PoolResizeRequest(name, size, site, PoolFixture.now());
    }

    /** A pool of {@code size} VMs, all down, made by the create handler. */
    private static void createPool(String code, String name, int size) {
        run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST), RecordingTask.of(code, new PoolCreateRequest(name, "rhel9-desktop", size,
                null, null, null, null, null, null, "dc1", null, null, null, null, PoolFixture.now()), "dc1"));
    }

    @Test
    void growsAPoolInBatchesOfTheConfiguredSizeAndListsTheNewVms() {
        RecordingTask task = RecordingTask.of("T4001", resize("eng-rhel9-??", 9, "dc1"), "dc1");

        TaskOutcome outcome = run(handler(new PoolLimits(238, 3)), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.vmsOf("dc1", "eng-rhel9-??")).hasSize(9).allSatisfy(vm -> assertThat(vm.status)
                .isIn("down", "up", "wait_for_launch", "powering_up"));
        // the pool keeps no VM prestarted: each batch's VMs are checked down and healthy, none is started
        assertThat(task.journal().executed()).containsExactly("preflight", "grow-1", "created-1", "healthy-1",
                "grow-2", "created-2", "healthy-2");
        assertThat(task.journal().completedSteps().get("created-1"))
                .isEqualTo("eng-rhel9-05 eng-rhel9-06 eng-rhel9-07");
        assertThat(task.milestones()).hasSize(2);
        assertThat(task.milestones().get(0).plainText()).startsWith("Batch 1 of 2 done: 7 of 9 VMs in the "
                + "pool, 3 of 3 created and healthy (down, not started: prestarted=0).").contains("About ");
        assertThat(task.milestones().get(1).plainText()).isEqualTo("Batch 2 of 2 done: 9 of 9 VMs in the "
                + "pool, 5 of 5 created and healthy (down, not started: prestarted=0).\n");
        TableBlock added = PoolFixture.table(outcome.result(), "VM");
        assertThat(added.headers()).containsExactly("VM", "Status", "IP address");
        assertThat(added.rows()).extracting(row -> row.get(0)).containsExactly("eng-rhel9-05", "eng-rhel9-06",
                "eng-rhel9-07", "eng-rhel9-08", "eng-rhel9-09");
        assertThat(added.rows()).allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("down", "-"));
        assertThat(outcome.result().plainText()).contains("Pool eng-rhel9-?? grew from 4 to 9 VMs; the engine added 5:");
        assertThat(outcome.summary()).isEqualTo("Pool eng-rhel9-?? at site dc1 resized from 4 to 9 VMs.");
    }

    @Test
    void shrinksByRemovingTheHighestNumberedVmsThatAreDownAndHandedToNobody() {
        RecordingTask task = RecordingTask.of("T4002", resize("finance-win10", 5, "dc1"), "dc1");

        TaskOutcome outcome = run(handler(PoolLimits.DEFAULTS), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.vmsOf("dc1", "finance-win10")).extracting(vm -> vm.name).containsExactly(
                "finance-win10-1", "finance-win10-2", "finance-win10-3", "finance-win10-4", "finance-win10-5");
        assertThat(fixture.vmsNamed("dc1", "finance-win10-6")).isEmpty();
        assertThat(outcome.result().plainText())
                .contains("Pool finance-win10 shrank from 6 to 5 VMs; removed 1 VM:", "finance-win10-6");
        assertThat(task.deployLog()).contains("Detached VM finance-win10-6 from pool finance-win10 and deleted it.");
    }

    @Test
    void aShrinkThePoolCannotGiveIsRefusedAndChangesNothing() {
        VmEntity handedOut = fixture.vmsOf("dc2", "sales-win10").get(4);
        fixture.assign("dc2", handedOut, "alice");
        RecordingTask task = RecordingTask.of("T4003", resize("sales-win10", 3, "dc2"), "dc2");

        assertThatThrownBy(() -> run(handler(PoolLimits.DEFAULTS), task)).isInstanceOf(TaskFailure.class)
                .hasMessage("Pool sales-win10 has 5 VMs; shrinking it to 3 means removing 2 VMs that are down and "
                        + "handed to nobody, and it has only 1 (3 running, 1 down but handed to a user). Nothing "
                        + "was changed.");
        assertThat(fixture.vmsOf("dc2", "sales-win10")).hasSize(5);
        assertThat(task.journal().executed()).containsExactly("preflight");
    }

    @Test
    void aShrinkResumedAfterDyingWhileRemovingFinishesWithoutRemovingMore() {
        createPool("T4004", "tr-shrink", 4);
        InMemoryJournal journal = new InMemoryJournal().crashAfter("remove-vms");
        PoolResizeRequest request = resize("tr-shrink", 2, "dc1");
        RecordingTask first = new RecordingTask("T4005", request, "dc1", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler(PoolLimits.DEFAULTS), first))
                .isInstanceOf(InMemoryJournal.SimulatedCrash.class);

        RecordingTask resumed = new RecordingTask("T4005", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(PoolLimits.DEFAULTS), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.vmsOf("dc1", "tr-shrink")).extracting(vm -> vm.name)
                .containsExactly("tr-shrink-1", "tr-shrink-2");
        assertThat(outcome.result().plainText()).contains("removed 2 VMs:");
        assertThat(resumed.deployLog()).isEmpty();
    }

    @Test
    void theSameSizeChangesNothingAndALimitAboveTheConfiguredOneIsRefused() {
        int size = fixture.vmsOf("dc1", "finance-win10").size();
        TaskOutcome same = run(handler(PoolLimits.DEFAULTS), RecordingTask.of("T4006",
                resize("finance-win10", size, "dc1"), "dc1"));
        assertThat(same.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(same.result().plainText()).contains("Pool finance-win10 has " + size
                + " VMs already; nothing was changed.");

        assertThatThrownBy(() -> run(handler(new PoolLimits(10, 3)), RecordingTask.of("T4007",
                resize("finance-win10", 11, "dc1"), "dc1"))).isInstanceOf(TaskFailure.class)
                .hasMessage("A pool may have at most 10 VMs (configured limit); 11 were asked for.");
        assertThatThrownBy(() -> run(handler(PoolLimits.DEFAULTS), RecordingTask.of("T4008",
                resize("no-such-pool", 3, "dc1"), "dc1"))).isInstanceOf(TaskFailure.class)
                .hasMessage("There is no pool no-such-pool at site dc1.");
    }

    @Test
    void theResultIsInTheRequestersLanguage() {
        createPool("T4009", "tr-zh", 3);
        RecordingTask task = new RecordingTask("T4010", resize("tr-zh", 2, "dc1"), "dc1",
                Locale.SIMPLIFIED_CHINESE, new InMemoryJournal(), false);

        TaskOutcome outcome = run(handler(PoolLimits.DEFAULTS), task);

        assertThat(outcome.result().tone()).isEqualTo(Reply.Tone.SUCCESS);
        assertThat(outcome.result().plainText()).startsWith("虚拟机池 tr-zh 现有 2 台虚拟机\n")
                .contains("虚拟机池 tr-zh 已从 3 台缩小到 2 台虚拟机；已删除 1 台：");
        assertThat(outcome.summary()).isEqualTo("站点 dc1 上的虚拟机池 tr-zh 已从 3 台调整为 2 台虚拟机。");
    }
}
