package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.RecordingTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pools verify what they claim: VMs left down are checked created and healthy batch by batch (a VM whose disks
 * turned illegal or never finished is named), and a grow verifies its new VMs as a new pool's, with their addresses.
 */
class PoolVerificationTest {

    private static PoolFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @AfterEach
    void clearFaults() {
        fixture.clearFaults();
    }

    private static PoolCreateRequest create(String name, int size, Integer batch, Integer prestarted) {
        return new PoolCreateRequest(name, "rhel9-desktop", size, batch, prestarted, null, null, null, null, "dc1",
                null, null, null, null, PoolFixture.now());
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream())
                .collect(Collectors.toMap(FieldsBlock.Field::label, FieldsBlock.Field::value));
    }

    @Test
    void aPoolWithoutPrestartedVmsIsCheckedCreatedAndHealthyBatchByBatchInsteadOfUpWithAnAddress() {
        RecordingTask task = RecordingTask.of("T5001", create("tv-cold-??", 5, 3, 0), "dc1");

        TaskOutcome outcome = run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST),
                task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(task.journal().executed()).containsExactly("preflight", "create-pool", "created-1", "healthy-1",
                "grow-2", "created-2", "healthy-2");
        assertThat(task.milestones().get(0).plainText()).startsWith("Batch 1 of 2 done: 3 of 5 VMs in the "
                + "pool, 3 of 3 created and healthy (down, not started: prestarted=0).");
        assertThat(task.milestones().get(1).plainText()).isEqualTo("Batch 2 of 2 done: 5 of 5 VMs in the "
                + "pool, 5 of 5 created and healthy (down, not started: prestarted=0).\n");
        assertThat(fields(outcome.result())).containsEntry("VMs", "5 of 5")
                .containsEntry("Created and healthy", "5 of 5 (down, not started: prestarted=0)")
                .doesNotContainKey("Up with an IP address");
        assertThat(outcome.result().plainText()).doesNotContain("Up with an IP address");
        assertThat(outcome.summary()).isEqualTo("Pool tv-cold-?? created at site dc1 with 5 VMs, 5 of them created "
                + "and healthy (down, not started: prestarted=0).");
        assertThat(task.deployLog()).contains("Batch 2: 2 of the 2 VMs left down are created and healthy.");
        assertThat(fixture.vmsOf("dc1", "tv-cold-??")).hasSize(5).allSatisfy(vm -> assertThat(vm.status)
                .isEqualTo("down"));
    }

    @Test
    void aVmWhoseDisksTurnedIllegalOrNeverFinishedIsNamedAndThePoolPartlySucceeds() {
        FaultPlan.Settings faults = new FaultPlan.Settings();
        faults.illegalDisksVmPattern = "tv-sick-2";
        faults.lockedVmPattern = "tv-sick-3";
        fixture.sites().simulator().site("dc1").faults().apply(faults);
        PoolTimings shortCreate = new PoolTimings(PoolFixture.FAST.pace(), Duration.ofSeconds(2),
                PoolFixture.FAST.readyTimeout(), PoolFixture.FAST.removeTimeout(), 4);
        RecordingTask task = RecordingTask.of("T5002", create("tv-sick", 4, null, null), "dc1");

        TaskOutcome outcome = run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, shortCreate), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.PARTIALLY_SUCCEEDED);
        assertThat(task.journal().completedSteps().get("created-1")).isEqualTo("tv-sick-1 tv-sick-2 !tv-sick-3 "
                + "tv-sick-4");
        assertThat(task.journal().completedSteps().get("healthy-1")).isEqualTo("tv-sick-1 !tv-sick-2 tv-sick-4");
        assertThat(task.errorLog()).contains("VM tv-sick-2 was created but is not healthy: its disks are illegal (the "
                + "engine could not create them), so the engine will not start it. The engine events say why.",
                "VM tv-sick-3 still had its disks being created after 2 s; it was not started.");
        assertThat(task.milestones().get(0).plainText()).isEqualTo("Batch 1 of 1 done: 4 of 4 VMs in the "
                + "pool, 2 of 4 created and healthy (down, not started: prestarted=0). Not healthy: tv-sick-2.\n");
        assertThat(outcome.result().plainText()).contains("Pool tv-sick was created, with problems")
                .contains("1 VM was created but is not healthy: tv-sick-2. The error log says more.")
                .contains("Still having their disks created, not started: tv-sick-3.");
        assertThat(fields(outcome.result())).containsEntry("Created and healthy",
                "2 of 4 (down, not started: prestarted=0)");
        assertThat(outcome.summary()).isEqualTo("Pool tv-sick created at site dc1 with 4 VMs, 2 of them created and "
                + "healthy (down, not started: prestarted=0); 2 VMs with problems.");
    }

    @Test
    void aGrowStartsWhatThePoolNeedsForItsPrestartedVmsAndShowsTheNewVmsWithTheirAddresses() {
        run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST),
                RecordingTask.of("T5003", create("tv-grow", 2, null, 2), "dc1"));
        // both prestarted VMs were taken by users: they no longer count as prestarted
        fixture.vmsOf("dc1", "tv-grow").forEach(vm -> fixture.assign("dc1", vm, "alice"));
        RecordingTask task = RecordingTask.of("T5004", new PoolResizeRequest("tv-grow", 5, "dc1",
                PoolFixture.now()), "dc1");

        TaskOutcome outcome = run(fixture.handler(PoolResizeRequest.class, new PoolLimits(238, 2), PoolFixture.FAST),
                task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(task.journal().executed()).containsExactly("preflight", "grow-1", "created-1", "start-1",
                "ready-1", "grow-2", "created-2", "start-2", "healthy-2");
        assertThat(task.milestones().get(0).plainText()).startsWith("Batch 1 of 2 done: 4 of 5 VMs in the "
                + "pool, 2 up with an IP address.");
        assertThat(task.milestones().get(1).plainText()).isEqualTo("Batch 2 of 2 done: 5 of 5 VMs in the "
                + "pool, 2 up with an IP address, 1 of 1 created and healthy (down, not started: prestarted=2).\n");
        TableBlock added = PoolFixture.table(outcome.result(), "VM");
        assertThat(added.headers()).containsExactly("VM", "Status", "IP address");
        assertThat(added.rows()).extracting(row -> row.get(0)).containsExactly("tv-grow-3", "tv-grow-4",
                "tv-grow-5");
        assertThat(added.rows().subList(0, 2)).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo("up");
            assertThat(row.get(2)).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        });
        assertThat(added.rows().get(2).subList(1, 3)).containsExactly("down", "-");
        List<VmEntity> vms = fixture.vmsOf("dc1", "tv-grow");
        assertThat(vms).filteredOn(vm -> vm.assignedUserId == null && "up".equals(vm.status)).hasSize(2);
    }

    @Test
    void aGrowWhoseNewVmIsNotHealthyNamesItAndPartlySucceeds() {
        run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST),
                RecordingTask.of("T5005", create("tv-regrow", 1, null, null), "dc1"));
        FaultPlan.Settings faults = new FaultPlan.Settings();
        faults.illegalDisksVmPattern = "tv-regrow-3";
        fixture.sites().simulator().site("dc1").faults().apply(faults);
        RecordingTask task = RecordingTask.of("T5006", new PoolResizeRequest("tv-regrow", 3, "dc1",
                PoolFixture.now()), "dc1");

        TaskOutcome outcome = run(fixture.handler(PoolResizeRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST),
                task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.PARTIALLY_SUCCEEDED);
        assertThat(outcome.result().tone()).isEqualTo(Reply.Tone.WARNING);
        assertThat(outcome.result().plainText())
                .contains("1 VM was created but is not healthy: tv-regrow-3. The error log says more.\n"
                        + "Pool tv-regrow grew from 1 to 3 VMs; the engine added 2:");
        assertThat(PoolFixture.table(outcome.result(), "VM").rows()).extracting(row -> row.get(0))
                .containsExactly("tv-regrow-2", "tv-regrow-3");
        assertThat(task.errorLog()).singleElement().asString().startsWith("VM tv-regrow-3 was created but is not "
                + "healthy: its disks are illegal");
    }
}
