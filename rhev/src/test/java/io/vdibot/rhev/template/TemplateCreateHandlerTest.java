package io.vdibot.rhev.template;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code template.create} against the simulated engine of site dc1, through the real SDK. */
class TemplateCreateHandlerTest {

    private static final TemplateTimings FAST = new TemplateTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));

    private static Sites sites;
    private static EngineConnections connections;
    private static InventoryCache inventory;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        connections = sites.connections();
        EngineCalls calls = new EngineCalls(connections,
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system());
        inventory = new InventoryCache(new InventoryQueries(calls));
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    private static TemplateCreateHandler handler() {
        return new TemplateCreateHandler(inventory, FAST, Clock.systemUTC(), Sleeper.system());
    }

    private static TemplateCreateRequest request(String name, String vm, Boolean seal, String versionOf,
            String versionName, String cluster, String storage, Boolean copyPermissions) {
        return new TemplateCreateRequest(name, vm, seal, versionOf, versionName, cluster, storage, copyPermissions,
                null, "dc1", Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
    }

    private static TemplateCreateRequest stopping(String name, String vm) {
        return new TemplateCreateRequest(name, vm, null, null, null, null, null, null, true, "dc1",
                Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
    }

    private static Engine engine() {
        return sites.simulator().site("dc1").engine();
    }

    private static List<TemplateEntity> templatesNamed(String name) {
        return engine().read(() -> engine().estate().templates.values().stream().filter(t -> t.name.equals(name))
                .toList());
    }

    private static VmEntity vm(String name) {
        return engine().read(() -> engine().estate().vms.values().stream().filter(v -> v.name.equals(name))
                .findFirst().orElseThrow());
    }

    private static long events(int code, String correlationId) {
        return engine().read(() -> engine().estate().events.stream()
                .filter(e -> e.code == code && correlationId.equals(e.correlationId)).count());
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream())
                .collect(Collectors.toMap(FieldsBlock.Field::label, FieldsBlock.Field::value));
    }

    @Test
    void makesATemplateFromADownVmOnTheChosenStorageWithTheVmPermissions() {
        VmEntity golden = vm("par-win11-golden");
        assertThat(golden.status).isEqualTo("down");
        String groupId = engine().read(() -> engine().estate().groups.values().stream()
                .filter(g -> g.name.equals("engineering-desktops")).findFirst().orElseThrow().id);
        engine().write(() -> {
            PermissionEntity permission = new PermissionEntity();
            permission.id = "5e1f0000-0000-0000-0000-00000000a001";
            permission.roleId = "00000000-0000-0000-0001-000000000001";
            permission.groupId = groupId;
            permission.objectType = "vm";
            permission.objectId = golden.id;
            engine().estate().permissions.put(permission.id, permission);
            return null;
        });
        RecordingTask task = RecordingTask.of("T3001", request("win11-golden-tpl", "par-win11-golden", null, null,
                null, "Win-Desktops", "paris-data-02", true), "dc1");

        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(outcome.summary()).isEqualTo(
                "Template win11-golden-tpl version 1 (base version) created at site dc1 from VM par-win11-golden.");
        assertThat(fields(outcome.result())).containsEntry("Template", "win11-golden-tpl")
                .containsEntry("Site", "dc1").containsEntry("Cluster", "Win-Desktops")
                .containsEntry("Source VM", "par-win11-golden").containsEntry("Sealed", "no")
                .containsEntry("VM permissions copied", "yes");
        TableBlock steps = outcome.result().blocks().stream().filter(TableBlock.class::isInstance)
                .map(TableBlock.class::cast).findFirst().orElseThrow();
        assertThat(steps.rows()).extracting(row -> row.get(0))
                .containsExactly("Checks", "Create template", "Disks copied");

        TemplateEntity created = templatesNamed("win11-golden-tpl").get(0);
        assertThat(created.status).isEqualTo("ok");
        assertThat(created.description).isNullOrEmpty();
        assertThat(created.comment).isEqualTo("Created by VDI Bot task T3001");
        assertThat(created.sealed).isFalse();
        assertThat(created.sourceVmId).isEqualTo(golden.id);
        List<DiskEntity> disks = engine().read(() -> created.diskIds.stream().map(engine().estate().disks::get)
                .toList());
        String dataTwo = engine().read(() -> engine().estate().storageDomains.values().stream()
                .filter(d -> d.name.equals("paris-data-02")).findFirst().orElseThrow().id);
        assertThat(disks).isNotEmpty().allSatisfy(d -> assertThat(d.storageDomainId).isEqualTo(dataTwo));
        assertThat(engine().read(() -> engine().estate().permissions.values().stream()
                .filter(p -> "template".equals(p.objectType) && created.id.equals(p.objectId)).toList()))
                .singleElement().satisfies(p -> assertThat(p.groupId).isEqualTo(groupId));
        assertThat(vm("par-win11-golden").status).isEqualTo("down");
        assertThat(events(48, "T3001-create-template")).isEqualTo(1);
        assertThat(task.journal().executed()).containsExactly("preflight", "create-template", "wait-ok");
        assertThat(task.milestones()).extracting(Reply::plainText).containsExactly(
                "Template win11-golden-tpl is being created from VM par-win11-golden at site dc1.\n");
        assertThat(task.deployLog()).contains(
                "Preflight passed at site dc1: VM par-win11-golden is in data center Paris-DC, and the name "
                        + "win11-golden-tpl is free there.",
                "Template win11-golden-tpl version 1 (base version) is OK at site dc1.");
        assertThat(task.errorLog()).isEmpty();
    }

    @Test
    void addsANewVersionOfAnExistingTemplate() {
        TemplateEntity base = templatesNamed("win11-23h2").stream().filter(t -> t.versionNumber == 1).findFirst()
                .orElseThrow();
        RecordingTask task = RecordingTask.of("T3002", request("win11-23h2", "par-win11-golden", null, "win11-23h2",
                "2026-11-patches", null, null, null), "dc1");

        TaskOutcome outcome = run(handler(), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        TemplateEntity version = templatesNamed("win11-23h2").stream()
                .filter(t -> "2026-11-patches".equals(t.versionName)).findFirst().orElseThrow();
        assertThat(version.baseTemplateId).isEqualTo(base.id);
        assertThat(version.versionNumber).isGreaterThanOrEqualTo(3);
        assertThat(version.status).isEqualTo("ok");
        assertThat(fields(outcome.result())).containsEntry("Version",
                version.versionNumber + " (2026-11-patches)");
        assertThat(task.deployLog()).anySatisfy(line -> assertThat(line)
                .contains("it becomes a new version of template win11-23h2 (id " + base.id + ")"));
    }

    @Test
    void sealingAWindowsVmIsRefusedAtTheChecksWithTheEnginesWords() {
        RecordingTask task = RecordingTask.of("T3003", request("win11-sealed", "par-win11-golden", true, null, null,
                null, null, null), "dc1");

        assertThatThrownBy(() -> run(handler(), task)).isInstanceOf(TaskFailure.class).hasMessage(
                "VM par-win11-golden runs Windows (windows_11), and the engine refuses to seal it: “Sealing of "
                        + "Windows systems is currently not supported.” Leave out seal=true (generalise Windows with "
                        + "sysprep inside the guest).");
        assertThat(templatesNamed("win11-sealed")).isEmpty();
        assertThat(task.errorLog()).singleElement().asString().startsWith("Step \"Checks\" failed: ");
    }

    @Test
    void aRunningVmIsRefusedAtTheChecksWithItsStatusUnlessTheTaskMayStopIt() {
        RecordingTask task = RecordingTask.of("T3004", request("jump-tpl", "par-jump-01", null, null, null, null,
                null, null), "dc1");

        assertThatThrownBy(() -> run(handler(), task)).isInstanceOf(TaskFailure.class).hasMessage(
                "VM par-jump-01 is up at site dc1; the engine makes a template only from a VM that is down. Shut it "
                        + "down first, or add stop=true to have the task shut it down.");
        assertThat(templatesNamed("jump-tpl")).isEmpty();

        // with stop=true the same VM is shut down first, then the template is made
        RecordingTask stopping = RecordingTask.of("T3010", stopping("jump-stopped-tpl", "par-jump-01"), "dc1");

        TaskOutcome outcome = run(handler(), stopping);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(vm("par-jump-01").status).isEqualTo("down");
        assertThat(templatesNamed("jump-stopped-tpl")).singleElement().satisfies(t -> assertThat(t.status)
                .isEqualTo("ok"));
        TableBlock steps = outcome.result().blocks().stream().filter(TableBlock.class::isInstance)
                .map(TableBlock.class::cast).findFirst().orElseThrow();
        assertThat(steps.rows()).extracting(row -> row.get(0))
                .containsExactly("Checks", "Shut VM down", "Create template", "Disks copied");
        assertThat(stopping.deployLog()).contains("VM par-jump-01 was up; it was shut down and is down now.");
        assertThat(events(73, "T3010-stop-vm")).isEqualTo(1);
    }

    @Test
    void aLinuxVmStoppedFirstIsSealed() throws InterruptedException {
        VmEntity build = vm("par-build-01");
        connections.connection("dc1").systemService().vmsService().vmService(build.id).stop().send();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"down".equals(vm("par-build-01").status) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        RecordingTask task = new RecordingTask("T3005", request("rhel9-sealed", "par-build-01", true, null, null,
                null, null, null), "dc1", Locale.SIMPLIFIED_CHINESE, new InMemoryJournal(), false);

        TaskOutcome outcome = run(handler(), task);

        assertThat(templatesNamed("rhel9-sealed")).singleElement().satisfies(t -> {
            assertThat(t.sealed).isTrue();
            assertThat(t.status).isEqualTo("ok");
        });
        assertThat(outcome.summary())
                .isEqualTo("已在站点 dc1 上从虚拟机 par-build-01 创建模板 rhel9-sealed 版本 1（版本名称：base version）。");
        assertThat(fields(outcome.result())).containsEntry("已封装", "是");
    }

    @Test
    void unknownVmsAndTakenNamesAreNamedAndNothingIsCreated() {
        RecordingTask unknown = RecordingTask.of("T3006", request("ghost-tpl", "par-ghost-01", null, null, null, null,
                null, null), "dc1");
        assertThatThrownBy(() -> run(handler(), unknown)).isInstanceOf(TaskFailure.class)
                .hasMessage("VM par-ghost-01 does not exist at site dc1.");

        RecordingTask taken = RecordingTask.of("T3007", request("rhel9-desktop", "par-win11-golden", null, null, null,
                null, null, null), "dc1");
        assertThatThrownBy(() -> run(handler(), taken)).isInstanceOf(TaskFailure.class)
                .hasMessage("A template named rhel9-desktop already exists in data center Paris-DC. Choose another "
                        + "name, or add a version with version-of=rhel9-desktop.");
        assertThat(templatesNamed("rhel9-desktop")).hasSize(1);
        assertThat(templatesNamed("ghost-tpl")).isEmpty();

        RecordingTask notData = RecordingTask.of("T3008", request("golden-x", "par-win11-golden", null, null, null,
                null, "vdi-export", null), "dc1");
        assertThatThrownBy(() -> run(handler(), notData)).isInstanceOf(TaskFailure.class)
                .hasMessage("Storage domain vdi-export at site dc1 is of type export; template disks can only go to "
                        + "a data domain.");
    }

    @Test
    void aTaskResumedAfterDyingInsideCreateFindsItsTemplateInsteadOfMakingASecond() {
        InMemoryJournal journal = new InMemoryJournal().crashAfter("create-template");
        TemplateCreateRequest request = request("golden-resumed", "par-win11-golden", null, null, null, null, null,
                null);
        RecordingTask first = new RecordingTask("T3009", request, "dc1", Locale.ENGLISH, journal, false);
        assertThatThrownBy(() -> run(handler(), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(templatesNamed("golden-resumed")).hasSize(1);

        RecordingTask resumed = new RecordingTask("T3009", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(templatesNamed("golden-resumed")).singleElement()
                .satisfies(t -> assertThat(t.status).isEqualTo("ok"));
        assertThat(events(48, "T3009-create-template")).isEqualTo(1);
        assertThat(journal.executed()).containsExactly("preflight", "create-template", "create-template", "wait-ok");
        assertThat(resumed.deployLog()).anySatisfy(line -> assertThat(line)
                .startsWith("Found template golden-resumed (id ").endsWith("continuing with it."));
    }
}
