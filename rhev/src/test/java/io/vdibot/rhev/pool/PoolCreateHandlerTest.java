package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolType;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.RecordingTask;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolCreateHandlerTest {

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

    private static TaskHandler<PoolCreateRequest> handler(PoolLimits limits) {
        return fixture.handler(PoolCreateRequest.class, limits, PoolFixture.FAST);
    }

    private static TaskHandler<PoolCreateRequest> handler() {
        return handler(PoolLimits.DEFAULTS);
    }

    private static PoolCreateRequest request(String name, int size, Integer batch, Integer prestarted, String group,
            String role, String description) {
        return new PoolCreateRequest(name, "rhel9-desktop", size, batch, prestarted, 2, PoolType.MANUAL, null,
                null, "dc1", null, group, role, description, PoolFixture.now());
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream())
                .collect(Collectors.toMap(FieldsBlock.Field::label, FieldsBlock.Field::value));
    }

    @Test
    void buildsThePoolInBatchesStartsThePrestartedVmsAndGrantsTheGroup() {
        RecordingTask task = RecordingTask.of("T3001", request("tp-dev-??", 7, 3, 5, "engineering-desktops",
                "UserRole", "Developer desktops"), "dc1");

        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        PoolEntity pool = fixture.pool("dc1", "tp-dev-??").orElseThrow();
        // the requester's words exactly as given; the task is named in the engine's comment
        assertThat(pool.description).isEqualTo("Developer desktops");
        assertThat(pool.comment).isEqualTo("Created by VDI Bot task T3001");
        assertThat(pool.type).isEqualTo("manual");
        assertThat(pool.maxUserVms).isEqualTo(2);
        assertThat(pool.prestartedVms).isEqualTo(5);
        List<VmEntity> vms = fixture.vmsOf("dc1", "tp-dev-??");
        assertThat(vms).extracting(vm -> vm.name)
                .containsExactly("tp-dev-01", "tp-dev-02", "tp-dev-03", "tp-dev-04", "tp-dev-05", "tp-dev-06",
                        "tp-dev-07");
        assertThat(vms.stream().filter(vm -> "up".equals(vm.status)).count()).isEqualTo(5);
        assertThat(vms).filteredOn(vm -> "up".equals(vm.status)).allSatisfy(vm ->
                assertThat(vm.reportedIps).isNotEmpty());
        List<PermissionEntity> grants = fixture.poolPermissions("dc1", "tp-dev-??");
        assertThat(grants).singleElement().satisfies(p -> {
            assertThat(p.groupId).isEqualTo(fixture.groupId("dc1", "engineering-desktops"));
            assertThat(p.roleId).isEqualTo(fixture.roleId("dc1", "UserRole"));
        });

        // tp-dev-06 and tp-dev-07 are left down: their batches check them; batch 3 starts nothing, so waits for none
        assertThat(task.journal().executed()).containsExactly("preflight", "create-pool", "created-1", "start-1",
                "ready-1", "grow-2", "created-2", "start-2", "ready-2", "healthy-2", "grow-3", "created-3", "start-3",
                "healthy-3", "grant");
        assertThat(task.journal().completedSteps().get("healthy-2")).isEqualTo("tp-dev-06");
        assertThat(task.journal().completedSteps().get("created-2")).isEqualTo("tp-dev-04 tp-dev-05 tp-dev-06");
        assertThat(task.milestones()).hasSize(3);
        assertThat(task.milestones().get(0).plainText())
                .startsWith("Batch 1 of 3 done: 3 of 7 VMs in the pool, 3 up with an IP address.")
                .contains("About ");
        assertThat(task.milestones().get(1).plainText()).startsWith("Batch 2 of 3 done: 6 of 7 VMs in "
                + "the pool, 5 up with an IP address, 1 of 1 created and healthy (down, not started: prestarted=5).");
        assertThat(task.milestones().get(2).plainText()).isEqualTo("Batch 3 of 3 done: 7 of 7 VMs in the "
                + "pool, 5 up with an IP address, 2 of 2 created and healthy (down, not started: prestarted=5).\n");

        Map<String, String> fields = fields(outcome.result());
        assertThat(fields).containsEntry("Pool", "tp-dev-??").containsEntry("Site", "dc1")
                .containsEntry("Cluster", "Linux-Desktops").containsEntry("Template", "rhel9-desktop (version 1)")
                .containsEntry("VMs", "7 of 7").containsEntry("Up with an IP address", "5")
                .containsEntry("Created and healthy", "2 of 2 (down, not started: prestarted=5)")
                .containsEntry("Access", "group engineering-desktops, role UserRole");
        TableBlock table = PoolFixture.table(outcome.result(), "VM");
        assertThat(table.headers()).containsExactly("VM", "Status", "IP address");
        assertThat(table.rows()).hasSize(7);
        assertThat(table.rows().subList(0, 5)).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo("up");
            assertThat(row.get(2)).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        });
        assertThat(table.rows().subList(5, 7)).allSatisfy(row -> assertThat(row.subList(1, 3))
                .containsExactly("down", "-"));
        assertThat(outcome.summary())
                .isEqualTo("Pool tp-dev-?? created at site dc1 with 7 VMs, 5 of them up with an IP address.");
        assertThat(outcome.result().plainText()).contains("Log: ").contains("/vdi logs T3001");
        assertThat(task.errorLog()).isEmpty();
        assertThat(task.deployLog()).contains("Granted role UserRole on pool tp-dev-?? to group engineering-desktops.");
        assertThat(fixture.engine("dc1").read(() -> fixture.engine("dc1").estate().templates.values().stream()
                .filter(t -> t.name.equals("rhel9-desktop")).allMatch(t -> "ok".equals(t.status)))).isTrue();
    }

    @Test
    void aVmThatNeverReportsAnAddressIsRetriedOnceAndTheTaskEndsPartiallySucceeded() {
        fixture.sites().simulator().site("dc1").faults().apply(Faults.noIpFor("tp-noip-(2|5)"));
        RecordingTask task = RecordingTask.of("T3002", request("tp-noip", 5, 3, 5, null, null, null), "dc1");
        PoolTimings shortReady = new PoolTimings(PoolFixture.FAST.pace(), PoolFixture.FAST.createTimeout(),
                java.time.Duration.ofSeconds(1), PoolFixture.FAST.removeTimeout(), 4);

        TaskOutcome outcome = run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, shortReady), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.PARTIALLY_SUCCEEDED);
        assertThat(task.errorLog()).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches("VM tp-noip-[25] reported no IP address within 1 s after a retry \\(status up\\)\\. .*"));
        assertThat(task.deployLog()).contains(
                "No IP address after 1 s from tp-noip-2; powering them off and starting them once more.",
                "No IP address after 1 s from tp-noip-5; powering them off and starting them once more.");
        assertThat(outcome.result().tone()).isEqualTo(Reply.Tone.WARNING);
        assertThat(outcome.result().plainText()).contains("Pool tp-noip was created, with problems")
                .contains("2 VMs have no IP address after a retry: tp-noip-2, tp-noip-5.");
        assertThat(outcome.summary()).isEqualTo("Pool tp-noip created at site dc1 with 5 VMs, 3 of them up with an "
                + "IP address; 2 VMs with problems.");
        assertThat(task.journal().completedSteps().get("ready-1")).contains("!tp-noip-2");
        // the retry powered the VMs off and on: two start requests each
        long starts = fixture.engine("dc1").read(() -> fixture.engine("dc1").estate().events.stream()
                .filter(e -> e.code == 150 && e.description.startsWith("Starting VM tp-noip-2 ")).count());
        assertThat(starts).isEqualTo(2);
        assertThat(fixture.vmsOf("dc1", "tp-noip")).hasSize(5).allSatisfy(vm -> assertThat(vm.status)
                .isEqualTo("up"));
    }

    @Test
    void slowAnswersAndPassingEngineFaultsDoNotStopThePool() {
        // every answer of the pool's site comes 40 ms late, and the first two pool requests fail with a 503
        FaultPlan.Settings failing = new FaultPlan.Settings();
        failing.latencyMs = 40;
        failing.pathPattern = "^/?vmpools";
        failing.failNext = 2;
        fixture.sites().simulator().site("dc2").faults().apply(failing);
        RecordingTask task = RecordingTask.of("T3011", new PoolCreateRequest("tp-slow", "rhel9-desktop", 3, 2, 3,
                null, null, null, null, "dc2", null, null, null, null, PoolFixture.now()), "dc2");

        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.vmsOf("dc2", "tp-slow")).hasSize(3).allSatisfy(vm -> assertThat(vm.status)
                .isEqualTo("up"));
        assertThat(fixture.sites().simulator().site("dc2").faults().settings().failNext).isZero();
        assertThat(task.errorLog()).isEmpty();
    }

    @Test
    void aTaskResumedAfterDyingInsideTheSecondBatchContinuesWithTheSamePool() {
        InMemoryJournal journal = new InMemoryJournal().crashAfter("grow-2");
        PoolCreateRequest request = request("tp-resume", 6, 3, 6, null, null, null);
        RecordingTask first = new RecordingTask("T3003", request, "dc1", Locale.ENGLISH, journal, false);

        assertThatThrownBy(() -> run(handler(), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(journal.interruptedInside("grow-2")).isTrue();

        RecordingTask resumed = new RecordingTask("T3003", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.poolsNamed("dc1", "tp-resume")).isEqualTo(1);
        assertThat(fixture.vmsOf("dc1", "tp-resume")).hasSize(6).allSatisfy(vm -> assertThat(vm.status)
                .isEqualTo("up"));
        assertThat(journal.executed()).containsExactly("preflight", "create-pool", "created-1", "start-1", "ready-1",
                "grow-2", "grow-2", "created-2", "start-2", "ready-2");
        assertThat(resumed.milestones()).hasSize(1);
        assertThat(outcome.result().plainText()).contains("Checks | done before a restart")
                .contains("Up with an IP address (batch 1) | done before a restart");
    }

    @Test
    void aTaskResumedAfterDyingInsideTheCreationFindsItsPoolByItsMark() {
        InMemoryJournal journal = new InMemoryJournal().crashAfter("create-pool");
        PoolCreateRequest request = request("tp-mark", 2, null, null, null, null, null);
        RecordingTask first = new RecordingTask("T3004", request, "dc1", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler(), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);

        RecordingTask resumed = new RecordingTask("T3004", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(fixture.poolsNamed("dc1", "tp-mark")).isEqualTo(1);
        assertThat(resumed.deployLog()).first().asString().startsWith("Found pool tp-mark (id ");
        assertThat(fixture.vmsOf("dc1", "tp-mark")).hasSize(2).allSatisfy(vm -> assertThat(vm.status)
                .isEqualTo("down"));
    }

    @Test
    void limitsFromConfigurationAreCheckedBeforeAnythingIsCreated() {
        RecordingTask tooBig = RecordingTask.of("T3005", request("tp-big", 239, 10, null, null, null, null), "dc1");
        assertThatThrownBy(() -> run(handler(), tooBig)).isInstanceOf(TaskFailure.class)
                .hasMessage("A pool may have at most 238 VMs (configured limit); 239 were asked for.");

        RecordingTask bigBatch = RecordingTask.of("T3006", request("tp-big", 30, 25, null, null, null, null), "dc1");
        assertThatThrownBy(() -> run(handler(), bigBatch)).isInstanceOf(TaskFailure.class)
                .hasMessage("A pool grows by at most 24 VMs at a time (configured limit); a batch of 25 was asked "
                        + "for.");
        assertThat(fixture.pool("dc1", "tp-big")).isEmpty();
        assertThat(tooBig.errorLog()).containsExactly("Step \"Checks\" failed: A pool may have at most 238 VMs "
                + "(configured limit); 239 were asked for.");
    }

    @Test
    void aTakenNameAnUnknownGroupAndAMissingTemplateVersionAreNamed() {
        RecordingTask taken = RecordingTask.of("T3007", request("finance-win10", 2, null, null, null, null, null),
                "dc1");
        assertThatThrownBy(() -> run(handler(), taken)).isInstanceOf(TaskFailure.class)
                .hasMessage("A pool named finance-win10 already exists at site dc1 (with 6 VMs). Choose another "
                        + "name.");

        RecordingTask group = RecordingTask.of("T3008", request("tp-nogroup", 2, null, null, "nobody-group",
                "UserRole", null), "dc1");
        assertThatThrownBy(() -> run(handler(), group)).isInstanceOf(TaskFailure.class)
                .hasMessage("The engine of site dc1 knows no group nobody-group. Add the directory group to the "
                        + "engine first.");

        RecordingTask version = RecordingTask.of("T3009", new PoolCreateRequest("tp-version", "win11-23h2", 2, null,
                null, null, null, null, TemplateVersionRef.version(3), "dc1", null, null, null, null,
                PoolFixture.now()), "dc1");
        assertThatThrownBy(() -> run(handler(), version)).isInstanceOf(TaskFailure.class)
                .hasMessage("Template win11-23h2 has no version 3 at site dc1; its versions are 1, 2.");
        assertThat(fixture.pool("dc1", "tp-nogroup")).isEmpty();
        assertThat(fixture.pool("dc1", "tp-version")).isEmpty();
    }

    @Test
    void aPoolFollowingTheNewestVersionIsBuiltFromItAndSaysSo() {
        RecordingTask task = RecordingTask.of("T3010", new PoolCreateRequest("tp-latest", "win11-23h2", 2, null,
                null, null, PoolType.AUTOMATIC, true, TemplateVersionRef.latestVersion(), "dc1", null, null, null,
                null, PoolFixture.now()), "dc1");

        TaskOutcome outcome = run(handler(), task);

        PoolEntity pool = fixture.pool("dc1", "tp-latest").orElseThrow();
        assertThat(pool.useLatestTemplateVersion).isTrue();
        assertThat(pool.stateful).isTrue();
        assertThat(fixture.engine("dc1").read(() -> fixture.engine("dc1").estate().templates.get(pool.templateId)
                .versionNumber)).isEqualTo(2);
        assertThat(fields(outcome.result())).containsEntry("Template", "win11-23h2 (newest version, now 2)")
                .containsEntry("Cluster", "Win-Desktops");
    }
}
