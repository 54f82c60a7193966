package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.commands.vm.VmPowerRequest;
import io.vdibot.commands.vm.VmRebootRequest;
import io.vdibot.commands.vm.VmShutdownRequest;
import io.vdibot.commands.vm.VmStartRequest;
import io.vdibot.commands.vm.VmStopRequest;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.inventory.VmInfo;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vm start|stop|shutdown|reboot} against the simulated engine of site dc1, through the real SDK. */
class VmPowerHandlerTest {

    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));
    private static final VmPowerTimings FAST = new VmPowerTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

    private static Sites sites;
    private static InventoryCache inventory;
    private static Map<Class<?>, TaskHandler<?>> handlers;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        inventory = new InventoryCache(new InventoryQueries(new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system())));
        handlers = VmPowerHandler.all(inventory, FAST, Clock.systemUTC(), Sleeper.system()).stream()
                .collect(Collectors.toMap(TaskHandler::requestType, Function.identity()));
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @SuppressWarnings("unchecked")
    private static <R extends TaskRequest> TaskHandler<R> handler(R request) {
        return (TaskHandler<R>) handlers.get(request.getClass());
    }

    private static <R extends VmPowerRequest> List<Violation> validate(R request) {
        return handler(request).validate(request, "dc1");
    }

    private static <R extends VmPowerRequest> TaskOutcome execute(String code, R request) {
        return run(handler(request), RecordingTask.of(code, request, "dc1"));
    }

    private static Engine engine() {
        return sites.simulator().site("dc1").engine();
    }

    private static VmEntity vm(String name) {
        return engine().read(() -> engine().estate().vms.values().stream().filter(vm -> vm.name.equals(name))
                .findFirst().orElseThrow());
    }

    private static long events(int code, String correlationId) {
        return engine().read(() -> engine().estate().events.stream()
                .filter(e -> e.code == code && correlationId.equals(e.correlationId)).count());
    }

    private static String field(TaskOutcome outcome, String label) {
        return outcome.result().blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream()).filter(f -> f.label().equals(label)).map(FieldsBlock.Field::value)
                .findFirst().orElseThrow();
    }

    @Test
    void everyVerbHasItsHandler() {
        assertThat(handlers).containsOnlyKeys(VmStartRequest.class, VmStopRequest.class, VmShutdownRequest.class,
                VmRebootRequest.class);
    }

    @Test
    void aPowerOffThenAStartBringsTheVmBackWithItsAddress() {
        assertThat(validate(new VmStopRequest("par-build-01", "dc1", NOW))).isEmpty();
        TaskOutcome stopped = execute("T4001", new VmStopRequest("par-build-01", "dc1", NOW));

        assertThat(stopped.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(stopped.summary()).isEqualTo("VM par-build-01 at site dc1 was powered off.");
        assertThat(vm("par-build-01").status).isEqualTo("down");
        assertThat(events(33, "T4001-stop-vm")).isEqualTo(1);
        assertThat(validate(new VmStopRequest("par-build-01", "dc1", NOW)))
                .containsExactly(new Violation("vm.power.already-down", "name",
                        List.of("par-build-01", EngineTerm.VM_STATUS.of("down"))));

        RecordingTask start = RecordingTask.of("T4002", new VmStartRequest("par-build-01", "dc1", NOW), "dc1");
        TaskOutcome started = run(handler(new VmStartRequest("par-build-01", "dc1", NOW)), start);

        String ip = vm("par-build-01").reportedIps.get(0);
        assertThat(started.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(started.summary()).isEqualTo("VM par-build-01 at site dc1 is up, IP address " + ip + ".");
        assertThat(field(started, "IP address")).isEqualTo(ip);
        assertThat(start.journal().completedSteps()).containsOnlyKeys("preflight", "start-vm", "wait-up", "wait-ip");
        assertThat(start.deployLog()).contains("Asked the engine to start par-build-01; its status was down.",
                "VM par-build-01 is up.");
        assertThat(inventory.vmsNamed("dc1", "par-build-01")).extracting(VmInfo::status).containsExactly("up");
    }

    @Test
    void aRebootIsSeenLeavingUpAndComingBackThenAShutdownTakesTheVmDown() {
        RecordingTask reboot = RecordingTask.of("T4003", new VmRebootRequest("par-jump-01", "dc1", NOW), "dc1");
        TaskOutcome rebooted = run(handler(new VmRebootRequest("par-jump-01", "dc1", NOW)), reboot);

        assertThat(rebooted.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(rebooted.summary()).isEqualTo("VM par-jump-01 at site dc1 was rebooted and is up.");
        assertThat(reboot.journal().completedSteps()).containsOnlyKeys("preflight", "reboot-vm", "wait-rebooting",
                "wait-up");
        assertThat(reboot.journal().result("wait-rebooting")).contains("reboot_in_progress");
        assertThat(events(157, "T4003-reboot-vm")).isEqualTo(1);
        assertThat(vm("par-jump-01").status).isEqualTo("up");

        TaskOutcome shut = execute("T4004", new VmShutdownRequest("par-jump-01", "dc1", NOW));
        assertThat(shut.summary()).isEqualTo("VM par-jump-01 at site dc1 was shut down.");
        assertThat(events(73, "T4004-shutdown-vm")).isEqualTo(1);
        assertThat(vm("par-jump-01").status).isEqualTo("down");
    }

    @Test
    void whatTheStatusAlreadyTellsIsRefusedBeforeAnyTask() {
        assertThat(validate(new VmStartRequest("finance-win10-1", "dc1", NOW)))
                .containsExactly(new Violation("vm.power.already-up", "name",
                        List.of("finance-win10-1", EngineTerm.VM_STATUS.of("up"))));
        assertThat(validate(new VmShutdownRequest("par-win11-golden", "dc1", NOW))).containsExactly(
                new Violation("vm.power.already-down", "name",
                        List.of("par-win11-golden", EngineTerm.VM_STATUS.of("down"))));
        assertThat(validate(new VmRebootRequest("par-win11-golden", "dc1", NOW))).containsExactly(
                new Violation("vm.power.already-down", "name",
                        List.of("par-win11-golden", EngineTerm.VM_STATUS.of("down"))));
        assertThat(validate(new VmRebootRequest("t-ghost", "dc1", NOW)))
                .containsExactly(new Violation("validate.vm-unknown", "name", List.of("t-ghost", "dc1")));
        VmInfo poweringUp = new VmInfo("id-1", "web01", null, "powering_up", "c", "h", "t", null, List.of(), null,
                0, 1);
        assertThat(VmPowerHandler.check(VmPower.REBOOT, List.of(poweringUp), "web01", "dc1"))
                .containsExactly(new Violation("vm.reboot.refused", "name",
                        List.of("web01", EngineTerm.VM_STATUS.of("powering_up"))));
        assertThat(VmPowerHandler.check(VmPower.START, List.of(poweringUp), "web01", "dc1"))
                .containsExactly(new Violation("vm.start.refused", "name",
                        List.of("web01", EngineTerm.VM_STATUS.of("powering_up"))));
        assertThat(VmPowerHandler.check(VmPower.STOP, List.of(poweringUp, poweringUp), "web01", "dc1"))
                .extracting(Violation::key).containsExactly("vm.power.ambiguous");

        assertThatThrownBy(() -> execute("T4005", new VmStopRequest("par-win11-golden", "dc1", NOW)))
                .isInstanceOf(TaskFailure.class).hasMessage("VM par-win11-golden is already down; nothing to do.");
        assertThat(vm("par-win11-golden").status).isEqualTo("down");
    }

    @Test
    void aPoolsVmMayBeStarted() {
        VmStartRequest start = new VmStartRequest("finance-win10-6", "dc1", NOW);
        assertThat(validate(start)).isEmpty();

        assertThat(execute("T4006", start).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(vm("finance-win10-6").status).isEqualTo("up");
    }

    @Test
    void aRebootResumedAfterItWasSentIsNotSentAgain() {
        VmRebootRequest request = new VmRebootRequest("finance-win10-2", "dc1", NOW);
        InMemoryJournal journal = new InMemoryJournal().crashAfter("reboot-vm");
        RecordingTask first = new RecordingTask("T4007", request, "dc1", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler(request), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(journal.interruptedInside("reboot-vm")).isTrue();

        RecordingTask resumed = new RecordingTask("T4007", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(request), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(events(157, "T4007-reboot-vm")).isEqualTo(1);
        assertThat(resumed.deployLog()).contains("The engine already has the request of this task for "
                + "finance-win10-2 (correlation id T4007-reboot-vm); it was not sent again.");
    }
}
