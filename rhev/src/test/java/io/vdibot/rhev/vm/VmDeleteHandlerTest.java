package io.vdibot.rhev.vm;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.vm.VmDeleteRequest;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.RecordingTask;
import io.vdibot.rhev.support.Sites;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vm.delete} against the simulated engine of site dc1, through the real SDK. */
class VmDeleteHandlerTest {

    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));
    private static final VmDeleteTimings FAST = new VmDeleteTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final VmCreateTimings CREATE = new VmCreateTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

    private static Sites sites;
    private static InventoryCache inventory;
    private static VmDeleteHandler handler;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        inventory = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system())));
        handler = new VmDeleteHandler(inventory, FAST, Clock.systemUTC(), Sleeper.system());
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    private static Engine engine() {
        return sites.simulator().site("dc1").engine();
    }

    private static List<VmEntity> vmsNamed(String name) {
        return engine().read(() -> engine().estate().vms.values().stream().filter(vm -> vm.name.equals(name))
                .toList());
    }

    /** A VM made by vm.create: up, with its disks and an address. */
    private static VmEntity runningVm(String name) {
        run(new VmCreateHandler(inventory, CREATE, Clock.systemUTC(), Sleeper.system()), RecordingTask.of("T3000",
                new VmCreateRequest(name, "rhel9-desktop", "dc1", null, null, null, null, NOW), "dc1"));
        return vmsNamed(name).get(0);
    }

    private static VmDeleteRequest delete(String name) {
        return new VmDeleteRequest(name, "dc1", NOW);
    }

    @Test
    void stopsARunningVmAndRemovesItWithItsDisks() {
        VmEntity vm = runningVm("t-del-01");
        assertThat(vm.status).isEqualTo("up");
        List<String> disks = List.copyOf(vm.diskIds);
        assertThat(disks).isNotEmpty();
        assertThat(handler.validate(delete("t-del-01"), "dc1")).isEmpty();

        RecordingTask task = RecordingTask.of("T3001", delete("t-del-01"), "dc1");
        TaskOutcome outcome = run(handler, task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(outcome.summary()).isEqualTo("VM t-del-01 at site dc1 was deleted.");
        assertThat(vmsNamed("t-del-01")).isEmpty();
        assertThat(engine().read(() -> disks.stream().filter(engine().estate().disks::containsKey).toList()))
                .isEmpty();
        assertThat(task.deployLog()).anySatisfy(line -> assertThat(line)
                .isEqualTo("Asked the engine to power t-del-01 off; its status was up."));
        assertThat(task.journal().completedSteps()).containsOnlyKeys("preflight", "stop-vm", "wait-down",
                "remove-vm", "wait-gone");
        assertThat(inventory.exists("dc1", InventoryKind.VMS, "t-del-01")).isFalse();
    }

    @Test
    void aPoolVmIsRefusedNamingItsPool() {
        String poolVm = engine().read(() -> engine().estate().vms.values().stream()
                .filter(vm -> vm.poolId != null && engine().estate().pools.get(vm.poolId).name.equals("finance-win10"))
                .map(vm -> vm.name).findFirst().orElseThrow());

        assertThat(handler.validate(delete(poolVm), "dc1"))
                .containsExactly(new Violation("vm.delete.in-pool", "name", List.of(poolVm, "finance-win10")));
        assertThatThrownBy(() -> run(handler, RecordingTask.of("T3002", delete(poolVm), "dc1")))
                .isInstanceOf(TaskFailure.class)
                .hasMessage("VM " + poolVm + " belongs to pool finance-win10; shrink or delete the pool instead.");
        assertThat(vmsNamed(poolVm)).hasSize(1);
    }

    @Test
    void anUnknownVmIsRefused() {
        assertThat(handler.validate(delete("t-ghost"), "dc1"))
                .containsExactly(new Violation("validate.vm-unknown", "name", List.of("t-ghost", "dc1")));
        assertThatThrownBy(() -> run(handler, RecordingTask.of("T3003", delete("t-ghost"), "dc1")))
                .isInstanceOf(TaskFailure.class).hasMessage("There is no VM “t-ghost” at site dc1.");
    }

    @Test
    void aTaskResumedAfterTheRemovalFindsTheVmGoneAndSucceeds() {
        runningVm("t-del-02");
        InMemoryJournal journal = new InMemoryJournal().crashAfter("remove-vm");
        RecordingTask first = new RecordingTask("T3004", delete("t-del-02"), "dc1", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler, first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(journal.interruptedInside("remove-vm")).isTrue();

        RecordingTask resumed = new RecordingTask("T3004", delete("t-del-02"), "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler, resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(vmsNamed("t-del-02")).isEmpty();
        assertThat(resumed.deployLog()).contains("VM t-del-02 was already gone.");
        assertThat(resumed.progressLines()).noneMatch(line -> line.startsWith("Stopping"));
    }
}
