package io.vdibot.rhev.vm;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.InMemoryJournal;
import io.vdibot.rhev.support.RecordingTask;
import io.vdibot.rhev.support.Sites;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VmCreateHandlerTest {

    private static final long GIB = 1L << 30;
    private static final VmCreateTimings FAST = new VmCreateTimings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final String CLOUD_CONFIG = "#cloud-config\nusers:\n  - name: alice\n";

    private static Sites sites;
    private static InventoryCache inventory;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
        EngineConnections connections = sites.connections();
        EngineCalls calls = new EngineCalls(connections,
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system());
        inventory = new InventoryCache(new InventoryQueries(calls));
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @AfterEach
    void clearFaults() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
    }

    private static VmCreateHandler handler(VmCreateTimings timings) {
        return new VmCreateHandler(inventory, timings, Clock.systemUTC(), Sleeper.system());
    }

    private static VmCreateRequest request(String name, String template, String cluster, Long memory, Integer cpus,
            String init) {
        return new VmCreateRequest(name, template, "dc1", cluster, memory, cpus, init,
                Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC")));
    }

    private static Engine engine(String site) {
        return sites.simulator().site(site).engine();
    }

    private static List<VmEntity> vmsNamed(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> vm.name.equals(name)).toList());
    }

    private static TemplateEntity template(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().templates.values().stream().filter(t -> t.name.equals(name))
                .findFirst().orElseThrow());
    }

    private static ClusterEntity cluster(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().clusters.values().stream().filter(c -> c.name.equals(name))
                .findFirst().orElseThrow());
    }

    private static Map<String, String> fields(Reply reply) {
        return reply.blocks().stream().filter(FieldsBlock.class::isInstance).map(FieldsBlock.class::cast)
                .flatMap(b -> b.fields().stream())
                .collect(java.util.stream.Collectors.toMap(FieldsBlock.Field::label, FieldsBlock.Field::value));
    }

    @Test
    void validationNamesAnUnknownTemplateOrClusterAndATakenName() {
        assertThat(handler(FAST).validate(request("t-new-01", "rhel9-desktop", "Linux-Desktops", null, null, null),
                "dc1")).isEmpty();
        assertThat(handler(FAST).validate(request("par-jump-01", "rhel5", "GPU", null, null, null), "dc1"))
                .extracting(Violation::key)
                .containsExactly("validate.template-unknown", "validate.cluster-unknown", "validate.name-taken");
    }

    @Test
    void createsTheVmStartsItAndReportsItsAddress() {
        RecordingTask task = RecordingTask.of("T2001", request("t-web-01", "rhel9-desktop", null, 8 * GIB, 4,
                CLOUD_CONFIG), "dc1");

        TaskOutcome outcome = run(handler(FAST), task);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        Map<String, String> fields = fields(outcome.result());
        assertThat(fields).containsEntry("VM", "t-web-01").containsEntry("Site", "dc1")
                .containsEntry("Cluster", "Linux-Desktops");
        assertThat(fields.get("Host")).startsWith("par-hv-l");
        assertThat(fields.get("IP address")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(outcome.summary()).isEqualTo("VM t-web-01 created at site dc1, IP address "
                + fields.get("IP address") + ".");
        TableBlock steps = outcome.result().blocks().stream().filter(TableBlock.class::isInstance)
                .map(TableBlock.class::cast).findFirst().orElseThrow();
        assertThat(steps.rows()).extracting(row -> row.get(0))
                .containsExactly("Checks", "Create VM", "Disks ready", "Start", "Up", "IP address");
        assertThat(steps.rows()).allSatisfy(row -> assertThat(row.get(1)).matches("\\d+ (ms|s)"));

        VmEntity vm = vmsNamed("dc1", "t-web-01").get(0);
        assertThat(vm.status).isEqualTo("up");
        assertThat(vm.description).isNull();
        assertThat(vm.comment).isEqualTo("Created by VDI Bot task T2001");
        assertThat(vm.memoryBytes).isEqualTo(8 * GIB);
        assertThat(vm.sockets).isEqualTo(1);
        assertThat(vm.cores).isEqualTo(4);
        assertThat(vm.customScript).isEqualTo(CLOUD_CONFIG);
        assertThat(vm.initializationType).isEqualTo("cloud_init");
        assertThat(engine("dc1").read(() -> engine("dc1").estate().jobs.values().stream()
                .map(job -> job.correlationId).toList())).contains("T2001-create-vm", "T2001-start-vm");

        assertThat(task.journal().executed())
                .containsExactly("preflight", "create-vm", "wait-created", "start-vm", "wait-up", "wait-ip");
        assertThat(task.progressLines()).hasSize(6).first().asString()
                .isEqualTo("Checking template rhel9-desktop, the cluster and the name t-web-01 at site dc1...");
        assertThat(task.milestones()).extracting(Reply::plainText).containsExactly(
                "VM t-web-01 created at site dc1, cluster Linux-Desktops.\n",
                "VM t-web-01 is up, IP address " + fields.get("IP address") + ".\n");
        assertThat(task.deployLog()).hasSize(7).anySatisfy(line -> assertThat(line)
                .isEqualTo("On its first boot t-web-01 runs the custom script with cloud-init."));
        assertThat(task.errorLog()).isEmpty();
    }

    @Test
    void aWindowsVmGetsItsAnswerFileThroughSysprepAndTheRequesterReadsChinese() {
        RecordingTask task = new RecordingTask("T2002", request("t-win-01", "win11-23h2", "Win-Desktops", null, null,
                "<unattend/>"), "dc1", Locale.SIMPLIFIED_CHINESE, new InMemoryJournal(), false);

        TaskOutcome outcome = run(handler(FAST), task);

        VmEntity vm = vmsNamed("dc1", "t-win-01").get(0);
        assertThat(vm.initializationType).isEqualTo("sysprep");
        TemplateEntity latest = engine("dc1").read(() -> engine("dc1").estate().templates.values().stream()
                .filter(t -> t.name.equals("win11-23h2")).max(java.util.Comparator.comparingInt(t -> t.versionNumber))
                .orElseThrow());
        assertThat(vm.templateId).isEqualTo(latest.id);
        assertThat(outcome.summary()).startsWith("已在站点 dc1 创建虚拟机 t-win-01，IP 地址为 ");
        assertThat(task.deployLog()).contains("t-win-01 首次启动时将通过 sysprep 执行自定义脚本。");
    }

    @Test
    void anUnknownTemplateIsNamedAndNothingIsCreated() {
        RecordingTask task = RecordingTask.of("T2003", request("t-x-01", "rhel10-desktop", null, null, null, null),
                "dc1");

        assertThatThrownBy(() -> run(handler(FAST), task)).isInstanceOfSatisfying(TaskFailure.class, f -> {
            assertThat(f.getMessage()).isEqualTo("Template rhel10-desktop does not exist at site dc1.");
            assertThat(f.cleanedUp()).isNull();
        });
        assertThat(task.journal().executed()).containsExactly("preflight");
        assertThat(vmsNamed("dc1", "t-x-01")).isEmpty();
        assertThat(task.errorLog()).containsExactly(
                "Step \"Checks\" failed: Template rhel10-desktop does not exist at site dc1.");
    }

    @Test
    void anUnknownClusterIsNamed() {
        RecordingTask task = RecordingTask.of("T2004", request("t-x-02", "rhel9-desktop", "GPU-Desktops", null, null,
                null), "dc1");

        assertThatThrownBy(() -> run(handler(FAST), task)).isInstanceOf(TaskFailure.class)
                .hasMessage("Cluster GPU-Desktops does not exist at site dc1.");
        assertThat(vmsNamed("dc1", "t-x-02")).isEmpty();
    }

    @Test
    void aNameInUseIsNamedWithTheVmThatHasIt() {
        RecordingTask task = RecordingTask.of("T2005", request("par-jump-01", "rhel9-desktop", null, null, null, null),
                "dc1");

        assertThatThrownBy(() -> run(handler(FAST), task)).isInstanceOf(TaskFailure.class)
                .hasMessage("A VM named par-jump-01 already exists in data center Paris-DC (status up). "
                        + "Choose another name.");
        assertThat(vmsNamed("dc1", "par-jump-01")).hasSize(1);
    }

    @Test
    void aLockedTemplateIsReportedAsLocked() {
        TemplateEntity template = template("dc1", "rhel8-server");
        engine("dc1").write(() -> template.status = "locked");
        try {
            RecordingTask task = RecordingTask.of("T2006", request("t-x-03", "rhel8-server", null, null, null, null),
                    "dc1");

            assertThatThrownBy(() -> run(handler(FAST), task)).isInstanceOf(TaskFailure.class)
                    .hasMessage("Template rhel8-server (version 1) is locked: the engine is still creating or "
                            + "copying it, or building a pool from it. Try again once it is OK.");
            assertThat(vmsNamed("dc1", "t-x-03")).isEmpty();
        } finally {
            engine("dc1").write(() -> template.status = "ok");
        }
    }

    @Test
    void aNameTakenAfterPreflightFailsWithTheEnginesOwnWords() {
        String plan = template("dc1", "rhel9-desktop").id + " " + cluster("dc1", "Linux-Desktops").id;
        InMemoryJournal journal = new InMemoryJournal().completed("preflight", plan);
        RecordingTask task = new RecordingTask("T2007", request("par-build-01", "rhel9-desktop", null, null, null,
                null), "dc1", Locale.ENGLISH, journal, true);

        assertThatThrownBy(() -> run(handler(FAST), task)).isInstanceOf(TaskFailure.class)
                .hasMessage("The engine of site dc1 refused: Cannot add VM. The VM name is already in use, please "
                        + "choose a unique name and try again.");
        assertThat(vmsNamed("dc1", "par-build-01")).hasSize(1)
                .allSatisfy(vm -> assertThat(vm.description).isNull());
        assertThat(task.errorLog()).hasSize(1).first().asString().startsWith("Step \"Create VM\" failed: ");
    }

    @Test
    void aVmThatNeverReportsAnAddressFailsClearlyAndIsLeftRunning() {
        sites.simulator().site("dc1").faults().apply(Faults.noIpFor("t-noip-.*"));
        VmCreateTimings shortIpWait = new VmCreateTimings(Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1));
        RecordingTask task = RecordingTask.of("T2008", request("t-noip-01", "rhel9-desktop", null, null, null, null),
                "dc1");

        assertThatThrownBy(() -> run(handler(shortIpWait), task)).isInstanceOfSatisfying(TaskFailure.class,
                f -> assertThat(f.getMessage())
                        .startsWith("VM t-noip-01 is up on host par-hv-l")
                        .contains("but reported no IP address within 1 s. Check that the guest agent "
                                + "(qemu-guest-agent) runs in the guest")
                        .endsWith("VM t-noip-01 was created and left in place at site dc1; the bot does not delete "
                                + "what it created. Delete it in the engine, or use it once the cause is fixed."));

        assertThat(vmsNamed("dc1", "t-noip-01")).singleElement()
                .satisfies(vm -> assertThat(vm.status).isEqualTo("up"));
        assertThat(task.errorLog()).hasSize(2).first().asString().startsWith("Step \"IP address\" failed: ");
        assertThat(task.milestones()).hasSize(1);
    }

    @Test
    void aResumedTaskFindsTheVmItCreatedBeforeTheCrash() {
        InMemoryJournal journal = new InMemoryJournal().crashAfter("create-vm");
        VmCreateRequest request = request("t-resume-01", "rhel9-desktop", null, null, 2, null);
        RecordingTask first = new RecordingTask("T2009", request, "dc1", Locale.ENGLISH, journal, false);

        assertThatThrownBy(() -> run(handler(FAST), first)).isInstanceOf(InMemoryJournal.SimulatedCrash.class);
        assertThat(journal.interruptedInside("create-vm")).isTrue();
        assertThat(vmsNamed("dc1", "t-resume-01")).hasSize(1);

        RecordingTask resumed = new RecordingTask("T2009", request, "dc1", Locale.ENGLISH, journal, true);
        TaskOutcome outcome = run(handler(FAST), resumed);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        List<VmEntity> vms = vmsNamed("dc1", "t-resume-01");
        assertThat(vms).hasSize(1);
        assertThat(vms.get(0).status).isEqualTo("up");
        assertThat(journal.executed()).containsExactly("preflight", "create-vm", "create-vm", "wait-created",
                "start-vm", "wait-up", "wait-ip");
        assertThat(resumed.deployLog()).first().asString()
                .isEqualTo("Found VM t-resume-01 (id " + vms.get(0).id + "), created by this task before a restart; "
                        + "continuing with it.");
        assertThat(outcome.result().plainText()).contains("Checks | done before a restart");
    }

    @Test
    void aSiteThatDoesNotAnswerFailsThePreflightAfterTheRetries() {
        sites.simulator().site("dc2").faults().apply(Faults.down());
        RecordingTask task = RecordingTask.of("T2010", new VmCreateRequest("t-down-01", "rhel9-desktop", "dc2", null,
                null, null, null, Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"))), "dc2");

        assertThatThrownBy(() -> run(handler(FAST), task)).isInstanceOf(TaskFailure.class)
                .hasMessage("Site dc2 did not answer after 3 attempts (The target server failed to respond).");
        assertThat(task.journal().executed()).containsExactly("preflight");
    }
}
