package io.vdibot.commands.spec;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.approval.ApproveRequest;
import io.vdibot.commands.task.CancelRequest;
import io.vdibot.commands.view.DashboardRequest;
import io.vdibot.commands.help.HelpRequest;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.commands.view.ListRequest;
import io.vdibot.commands.locks.LocksReleaseRequest;
import io.vdibot.commands.locks.LocksRequest;
import io.vdibot.commands.task.LogKind;
import io.vdibot.commands.task.LogsRequest;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.vm.VmDeleteRequest;
import io.vdibot.commands.pool.PoolGrantRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.pool.PoolType;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.view.RefreshRequest;
import io.vdibot.commands.approval.RejectRequest;
import io.vdibot.commands.view.ShowKind;
import io.vdibot.commands.view.ShowRequest;
import io.vdibot.commands.view.SitesRequest;
import io.vdibot.commands.task.TaskFilter;
import io.vdibot.commands.task.TaskShowRequest;
import io.vdibot.commands.task.TasksRequest;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.commands.template.TemplateMigrateRequest;
import io.vdibot.commands.template.TemplateVersionRef;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.vm.VmRebootRequest;
import io.vdibot.commands.vm.VmRestoreRequest;
import io.vdibot.commands.vm.VmShutdownRequest;
import io.vdibot.commands.vm.VmSnapshotRequest;
import io.vdibot.commands.vm.VmStartRequest;
import io.vdibot.commands.vm.VmStopRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.vdibot.commands.Fixtures.CONTEXT;
import static io.vdibot.commands.Fixtures.IMMEDIATELY;
import static io.vdibot.commands.Fixtures.at;
import static io.vdibot.commands.Fixtures.inParis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** "This text gives these parameters", for every command of the grammar. */
class GrammarTableTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final CommandRegistry REGISTRY = AllCommands.registry();

    static Stream<Arguments> lines() {
        return Stream.of(
                // vm delete
                line("vm delete web01", new VmDeleteRequest("web01", null, IMMEDIATELY)),
                line("/vdi VM Delete web01 site=paris at=+30m",
                        new VmDeleteRequest("web01", "paris", inParis(Duration.ofMinutes(30)))),
                // vm start|stop|shutdown|reboot
                line("vm start web01", new VmStartRequest("web01", null, IMMEDIATELY)),
                line("/vdi VM Start web01 site=paris at=+30m",
                        new VmStartRequest("web01", "paris", inParis(Duration.ofMinutes(30)))),
                line("vm stop name=web01 site=paris", new VmStopRequest("web01", "paris", IMMEDIATELY)),
                line("vm shutdown web01 at=\"2026-09-01 09:00\"",
                        new VmShutdownRequest("web01", null, at("2026-09-01T07:00:00Z", "Europe/Paris"))),
                line("vdi vm REBOOT web01 at=+2h",
                        new VmRebootRequest("web01", null, inParis(Duration.ofHours(2)))),
                // vm snapshot, vm restore
                line("vm snapshot web01", new VmSnapshotRequest("web01", null, null, null, IMMEDIATELY)),
                line("/vdi vm snapshot web01 description=\"before patching\" memory=no site=paris at=+30m",
                        new VmSnapshotRequest("web01", "before patching", false, "paris",
                                inParis(Duration.ofMinutes(30)))),
                line("vm restore web01 snapshot=\"before patching\"",
                        new VmRestoreRequest("web01", "before patching", null, null, IMMEDIATELY)),
                line("vm restore name=web01 snapshot=3f2a6c1e-0d4b-4b43-9a57-2c8f6d1e9b10 start=false site=paris",
                        new VmRestoreRequest("web01", "3f2a6c1e-0d4b-4b43-9a57-2c8f6d1e9b10", false, "paris",
                                IMMEDIATELY)),
                // vm create
                line("/vdi vm create web01 template=rhel9",
                        new VmCreateRequest("web01", "rhel9", null, null, null, null, null, IMMEDIATELY)),
                line("vm create web01 template=rhel9 site=paris cluster=c1 memory=4GiB cpus=2"
                                + " init=\"echo hello > /tmp/x\" at=+30m",
                        new VmCreateRequest("web01", "rhel9", "paris", "c1", 4 * GIB, 2, "echo hello > /tmp/x",
                                inParis(Duration.ofMinutes(30)))),
                line("VDI VM Create web01 TEMPLATE=rhel9 Memory=4096MiB",
                        new VmCreateRequest("web01", "rhel9", null, null, 4 * GIB, null, null, IMMEDIATELY)),
                line("vm create memory=256G cpus=64 template=rhel9 web01",
                        new VmCreateRequest("web01", "rhel9", null, null, 256 * GIB, 64, null, IMMEDIATELY)),
                line("vm create 桌面-01 template=rhel9 memory=1.5g",
                        new VmCreateRequest("桌面-01", "rhel9", null, null, 3 * GIB / 2, null, null, IMMEDIATELY)),
                line("vm create web01 template=rhel9 init='line one\nline \"two\"'",
                        new VmCreateRequest("web01", "rhel9", null, null, null, null, "line one\nline \"two\"",
                                IMMEDIATELY)),
                line("vm create web01 template=rhel9 at=tomorrow 08:00 Asia/Shanghai",
                        new VmCreateRequest("web01", "rhel9", null, null, null, null, null,
                                at("2026-06-16T00:00:00Z", "Asia/Shanghai"))),
                line("vm create name=web01 template=t",
                        new VmCreateRequest("web01", "t", null, null, null, null, null, IMMEDIATELY)),
                // pool create
                line("pool create dev-?? template=win11 size=20",
                        new PoolCreateRequest("dev-??", "win11", 20, null, null, null, null, null, null, null, null,
                                null, null, null, IMMEDIATELY)),
                line("pool create dev-?? template=win11 size=20 batch=5 prestarted=2 max-per-user=1 type=manual"
                                + " stateful=yes template-version=latest site=paris cluster=c1 group=\"VDI Users\""
                                + " role=UserRole description='Dev desktops' at=\"tomorrow 08:00\"",
                        new PoolCreateRequest("dev-??", "win11", 20, 5, 2, 1, PoolType.MANUAL, true,
                                TemplateVersionRef.latestVersion(), "paris", "c1", "VDI Users", "UserRole",
                                "Dev desktops", at("2026-06-16T06:00:00Z", "Europe/Paris"))),
                line("pool create ??-dev template=win11 size=3 template-version=3 type=AUTOMATIC stateful=False"
                                + " max-per-user=32767",
                        new PoolCreateRequest("??-dev", "win11", 3, null, null, 32767, PoolType.AUTOMATIC, false,
                                TemplateVersionRef.version(3), null, null, null, null, null, IMMEDIATELY)),
                line("pool create a?b template=t size=1 prestarted=1 group=“VDI Users” role=‘User Role’",
                        new PoolCreateRequest("a?b", "t", 1, null, 1, null, null, null, null, null, null,
                                "VDI Users", "User Role", null, IMMEDIATELY)),
                // other pool commands
                line("pool resize dev-?? size=30 site=paris at=+2h",
                        new PoolResizeRequest("dev-??", 30, "paris", inParis(Duration.ofHours(2)))),
                line("pool grant dev-?? group=\"VDI Users\" role=UserRole",
                        new PoolGrantRequest("dev-??", "VDI Users", "UserRole", null, IMMEDIATELY)),
                line("pool revoke dev-?? role=UserRole group=contractors site=shanghai at=+1d",
                        new PoolRevokeRequest("dev-??", "contractors", "UserRole", "shanghai",
                                inParis(Duration.ofDays(1)))),
                line("pool update dev-?? description=\"New text\"",
                        new PoolUpdateRequest("dev-??", "New text", null, null, null, IMMEDIATELY)),
                // line breaks, tabs, right-to-left text and emoji are text; only what the engine cannot store is not
                line("pool update dev-?? description=\"Line one\n\tסטודיו \uD83D\uDCBB\"",
                        new PoolUpdateRequest("dev-??", "Line one\n\tסטודיו \uD83D\uDCBB", null, null, null,
                                IMMEDIATELY)),
                line("pool update dev-?? prestarted=0",
                        new PoolUpdateRequest("dev-??", null, 0, null, null, IMMEDIATELY)),
                line("pool update dev-?? max-per-user=3 site=paris at=+90s",
                        new PoolUpdateRequest("dev-??", null, null, 3, "paris", inParis(Duration.ofSeconds(90)))),
                line("pool delete old-pool at=\"2026-09-01 09:00\"",
                        new PoolDeleteRequest("old-pool", null, at("2026-09-01T07:00:00Z", "Europe/Paris"))),
                // templates
                line("template create rhel9-web vm=web01",
                        new TemplateCreateRequest("rhel9-web", "web01", null, null, null, null, null, null, null,
                                null, IMMEDIATELY)),
                line("template create rhel9-web vm=web01 stop=true",
                        new TemplateCreateRequest("rhel9-web", "web01", null, null, null, null, null, null, true,
                                null, IMMEDIATELY)),
                line("template create rhel9-web vm=web01 seal=true version-of=rhel9 version-name=\"v2 with IIS\""
                                + " cluster=c1 storage=sd1 copy-permissions=no stop=no site=paris at=now",
                        new TemplateCreateRequest("rhel9-web", "web01", true, "rhel9", "v2 with IIS", "c1", "sd1",
                                false, false, "paris", IMMEDIATELY)),
                line("template migrate rhel9-web from=paris to=shanghai cluster=sh1 storage=sd2",
                        new TemplateMigrateRequest("rhel9-web", null, "paris", "shanghai", "sh1", "sd2", null, null,
                                IMMEDIATELY)),
                line("template migrate rhel9-web version=3 from=paris to=shanghai cluster=sh1 storage=sd2",
                        new TemplateMigrateRequest("rhel9-web", 3, "paris", "shanghai", "sh1", "sd2", null, null,
                                IMMEDIATELY)),
                line("template migrate rhel9-web from=paris to=shanghai cluster=sh1 storage=sd2 as=rhel9-web-sh"
                                + " move-back=false at=\"2026-09-01T09:00 Asia/Shanghai\"",
                        new TemplateMigrateRequest("rhel9-web", null, "paris", "shanghai", "sh1", "sd2", "rhel9-web-sh",
                                false, at("2026-09-01T01:00:00Z", "Asia/Shanghai"))),
                // inventory
                line("show vm web01", new ShowRequest(ShowKind.VM, "web01", null)),
                line("show POOL dev-?? site=paris", new ShowRequest(ShowKind.POOL, "dev-??", "paris")),
                line("show template rhel9", new ShowRequest(ShowKind.TEMPLATE, "rhel9", null)),
                line("list vms", new ListRequest(InventoryKind.VMS, null, null, 1)),
                line("list pools site=paris web* page=2", new ListRequest(InventoryKind.POOLS, "web*", "paris", 2)),
                line("list storage", new ListRequest(InventoryKind.STORAGE, null, null, 1)),
                line("list hosts *-01", new ListRequest(InventoryKind.HOSTS, "*-01", null, 1)),
                line("list roles", new ListRequest(InventoryKind.ROLES, null, null, 1)),
                line("sites", new SitesRequest()),
                line("dashboard", new DashboardRequest(null)),
                line("dashboard site=paris", new DashboardRequest("paris")),
                line("refresh", new RefreshRequest(null)),
                line("refresh site=shanghai", new RefreshRequest("shanghai")),
                // tasks
                line("tasks", new TasksRequest(TaskFilter.ALL)),
                line("tasks mine", new TasksRequest(TaskFilter.MINE)),
                line("tasks pending", new TasksRequest(TaskFilter.PENDING)),
                line("tasks scheduled", new TasksRequest(TaskFilter.SCHEDULED)),
                line("tasks Running", new TasksRequest(TaskFilter.RUNNING)),
                line("tasks failed", new TasksRequest(TaskFilter.FAILED)),
                line("tasks mine command=\"VM Create\" page=2",
                        new TasksRequest(TaskFilter.MINE, null, null, "vm.create", null, 2)),
                line("tasks user=bob", new TasksRequest(TaskFilter.ALL, null, "bob", null, null, 1)),
                line("tasks waiting", new TasksRequest(TaskFilter.WAITING)),
                // since= reads the reader's zone: Paris, 10:00 on 15 June 2026
                line("tasks since=2h", new TasksRequest(TaskFilter.ALL, null, null, null,
                        Instant.parse("2026-06-15T06:00:00Z"), 1)),
                line("tasks mine status=failed since=yesterday", new TasksRequest(TaskFilter.MINE, TaskFilter.FAILED,
                        null, null, Instant.parse("2026-06-13T22:00:00Z"), 1)),
                line("tasks since=2026-06-01T08:30", new TasksRequest(TaskFilter.ALL, null, null, null,
                        Instant.parse("2026-06-01T06:30:00Z"), 1)),
                line("tasks since=1d12h", new TasksRequest(TaskFilter.ALL, null, null, null,
                        Instant.parse("2026-06-13T20:00:00Z"), 1)),
                line("task t1042", new TaskShowRequest("T1042")),
                line("logs T1042", new LogsRequest("T1042", LogKind.ALL)),
                line("logs T1042 deploy", new LogsRequest("T1042", LogKind.DEPLOY)),
                line("logs t7 error", new LogsRequest("T7", LogKind.ERROR)),
                line("logs T1042 summary", new LogsRequest("T1042", LogKind.SUMMARY)),
                line("cancel T5", new CancelRequest("T5")),
                line("approve t5", new ApproveRequest("T5")),
                line("reject T5", new RejectRequest("T5", null)),
                line("reject T5 reason=\"Too big, ask again in Q3\"", new RejectRequest("T5", "Too big, ask again in Q3")),
                // locks and help
                line("locks", new LocksRequest()),
                line("locks release export-storage", new LocksReleaseRequest("export-storage")),
                line("help", new HelpRequest(List.of())),
                line("", new HelpRequest(List.of())),
                line("/vdi", new HelpRequest(List.of())),
                line("help Pool Create", new HelpRequest(List.of("pool", "create"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void parses(String text, VdiRequest expected) {
        ParseResult<VdiRequest> result = REGISTRY.parse(text, CONTEXT);

        assertThat(result.errors()).isEmpty();
        assertThat(result.request()).isEqualTo(expected);
        assertThat(result.commandId()).isEqualTo(expected.commandId());
    }

    private static Arguments line(String text, VdiRequest expected) {
        return arguments(named(text.isEmpty() ? "(empty line)" : text, text), expected);
    }
}
