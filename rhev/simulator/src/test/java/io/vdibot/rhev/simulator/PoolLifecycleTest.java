package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.conformance.XmlConformanceChecker;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.GroupBuilder;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.builders.VmPoolBuilder;
import org.ovirt.engine.sdk4.services.VmPoolService;
import org.ovirt.engine.sdk4.services.VmPoolsService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Event;
import org.ovirt.engine.sdk4.types.Job;
import org.ovirt.engine.sdk4.types.JobStatus;
import org.ovirt.engine.sdk4.types.Permission;
import org.ovirt.engine.sdk4.types.Step;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.TemplateStatus;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmPool;
import org.ovirt.engine.sdk4.types.VmPoolType;
import org.ovirt.engine.sdk4.types.VmStatus;

/** Pool creation, updates, prestarted VMs, allocation, permissions and removal, through the real SDK. */
class PoolLifecycleTest {

    private static final String ADMIN_USER_ID = "fdfc627c-d875-11e0-90f0-83df133b58cc";
    private static final String USER_ROLE_ID = "00000000-0000-0000-0001-000000000001";
    private static SimulatorFixture fixture;
    private static Connection dc1;

    @BeforeAll
    static void start() {
        fixture = SimulatorFixture.start();
        dc1 = fixture.connect("dc1");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void creationAddsEveryVmBeforeAnsweringWithMaskNamesSkippingTakenOnes() {
        VmsService vms = dc1.systemService().vmsService();
        vms.add().vm(linuxVm("lab-02-desk")).send();
        fixture.advance(Duration.ofSeconds(10));

        // AddVmPool adds every VM (image_locked, disks being created) before it answers, so
        // wait-for-the-pool clients find the whole pool at once.
        VmPool created = pools().add().pool(new VmPoolBuilder().name("lab-??-desk").description("Lab desktops")
                .cluster(new ClusterBuilder().name("Linux-Desktops")).template(new TemplateBuilder().name("rhel9-desktop"))
                .size(3)).send().pool();
        assertThat(created.sizeAsInteger()).isEqualTo(3);
        assertThat(created.type()).isEqualTo(VmPoolType.AUTOMATIC);
        assertThat(created.maxUserVmsAsInteger()).isEqualTo(1);
        assertThat(created.prestartedVmsAsInteger()).isZero();
        assertThat(created.stateful()).isFalse();
        assertThat(created.vmPresent()).isTrue();
        assertThat(rhel9Status()).isEqualTo(TemplateStatus.OK);
        List<Vm> members = poolVms(created.id());
        assertThat(members).extracting(Vm::name).containsExactly("lab-01-desk", "lab-03-desk", "lab-04-desk");
        assertThat(members).allSatisfy(vm -> {
            assertThat(vm.status()).isEqualTo(VmStatus.IMAGE_LOCKED);
            assertThat(vm.stateless()).isTrue();
        });
        assertThat(eventTexts()).contains("VM Pool lab-??-desk (containing 3 VMs) was created by admin@internal-authz.");

        fixture.advance(Duration.ofSeconds(8));
        assertThat(poolVms(created.id())).extracting(Vm::status).containsOnly(VmStatus.DOWN);
        Job job = job("Creating VM Pool lab-??-desk from template rhel9-desktop");
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(dc1.systemService().jobsService().jobService(job.id()).stepsService().list().send().steps())
                .extracting(Step::description)
                .contains("Creating VM lab-01-desk for VM Pool", "Creating VM lab-03-desk for VM Pool",
                        "Creating VM lab-04-desk for VM Pool");
    }

    @Test
    void sizeIsTheWantedTotalNameTypeAndStatefulCannotChangeAndShrinkingIsDetachThenDelete() {
        VmPool created = pools().add().pool(new VmPoolBuilder().name("qa-pool")
                .cluster(new ClusterBuilder().name("Infra")).template(new TemplateBuilder().name("rhel8-server"))
                .size(2)).send().pool();
        fixture.advance(Duration.ofSeconds(12));
        VmPoolService pool = pools().poolService(created.id());
        assertThat(poolVms(created.id())).extracting(Vm::name).containsExactly("qa-pool-1", "qa-pool-2");

        assertThatThrownBy(() -> pool.update().pool(new VmPoolBuilder().size(1)).send())
                .hasMessageContaining("[Cannot decrease VMs from VM-Pool.]").hasMessageContaining("400");
        assertThatThrownBy(() -> pool.update().pool(new VmPoolBuilder().name("qa-renamed")).send())
                .hasMessageContaining("[Cannot change VM-Pool name.]").hasMessageContaining("400");
        assertThatThrownBy(() -> pool.update().pool(new VmPoolBuilder().type(VmPoolType.MANUAL)).send())
                .hasMessageContaining("[Cannot change VM-Pool type.]").hasMessageContaining("400");
        assertThatThrownBy(() -> pool.update().pool(new VmPoolBuilder().stateful(true)).send())
                .hasMessageContaining("[Cannot change VM-Pool stateful option.]").hasMessageContaining("400");
        assertThatThrownBy(() -> pool.update().pool(new VmPoolBuilder().prestartedVms(3)).send())
                .hasMessageContaining("[Cannot edit VM-Pool. Number of Prestarted VMs cannot exceed the number of VMs "
                        + "in the Pool.]")
                .hasMessageContaining("409");

        VmsService vms = dc1.systemService().vmsService();
        Vm first = poolVms(created.id()).get(0);
        assertThatThrownBy(() -> vms.vmService(first.id()).remove().send())
                .hasMessageContaining("[Cannot remove VM. VM is attached to a VM Pool.]");
        vms.vmService(first.id()).detach().send();
        vms.vmService(first.id()).remove().send();
        assertThat(pool(created.id()).sizeAsInteger()).isEqualTo(1);

        VmPool updated = pool.update().pool(new VmPoolBuilder().size(3).description("QA servers")).send().pool();
        assertThat(updated.description()).isEqualTo("QA servers");
        assertThat(updated.sizeAsInteger()).isEqualTo(3);
        assertThat(poolVms(created.id())).extracting(Vm::name).containsExactly("qa-pool-1", "qa-pool-2", "qa-pool-3");
        assertThat(eventTexts()).contains("VM Pool qa-pool was updated by admin@internal-authz, 2 VMs were added.");
        fixture.advance(Duration.ofSeconds(8));
        assertThat(job("Configuring VM Pool qa-pool properties").status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void creationIsValidatedWithTheEngineTexts() {
        assertThatThrownBy(() -> pools().add().pool(linuxPool("zero").size(0)).send())
                .hasMessageContaining("[Cannot create Pool with 0 VMs]").hasMessageContaining("400");
        assertThatThrownBy(() -> pools().add().pool(new VmPoolBuilder().name("blank-pool")
                .cluster(new ClusterBuilder().name("Linux-Desktops")).template(new TemplateBuilder().name("Blank")))
                .send())
                .hasMessageContaining("[VM-Pool must be based on  non-blank Template.]").hasMessageContaining("409");
        assertThatThrownBy(() -> pools().add().pool(linuxPool("finance-win10")).send())
                .hasMessageContaining("[Cannot create VM-Pool. The VM-Pool name is already in use, please choose a "
                        + "unique name and try again.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> pools().add().pool(linuxPool("greedy").maxUserVms(0)).send())
                .hasMessageContaining("[Number of max assigned VMs per user must be between 1 and 32,767.]")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> pools().add().pool(linuxPool("greedy").maxUserVms(32768)).send())
                .hasMessageContaining("between 1 and 32,767");
        assertThatThrownBy(() -> pools().add().pool(linuxPool("eager").size(2).prestartedVms(3)).send())
                .hasMessageContaining("[Cannot create VM-Pool. Number of Prestarted VMs cannot exceed the number of "
                        + "VMs in the Pool.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> pools().add().pool(linuxPool("two??masks??")).send())
                .hasMessageContaining("[Can not create VM-Pool. The given name is invalid for pool name.")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> pools().add().pool(new VmPoolBuilder().name("no-cluster")
                .template(new TemplateBuilder().name("rhel9-desktop"))).send())
                .hasMessageContaining("VmPool [cluster.id|name] required for add").hasMessageContaining("400");
        assertThatThrownBy(() -> pools().add().pool(new VmPoolBuilder().name("lost")
                .cluster(new ClusterBuilder().name("Nowhere")).template(new TemplateBuilder().name("rhel9-desktop")))
                .send())
                .hasMessageContaining("Entity not found: Cluster: name=Nowhere").hasMessageContaining("404");
        assertThat(pools().list().search("name=zero or name=greedy or name=eager").send().pools()).isEmpty();
    }

    @Test
    void vmNamesBeyondTheVmNameLimitFailAndAddingStopsAfterThreeFailuresInARow() {
        String name = "x".repeat(62);
        VmPool created = pools().add().pool(new VmPoolBuilder().name(name)
                .cluster(new ClusterBuilder().name("Infra")).template(new TemplateBuilder().name("rhel8-server"))
                .size(13)).send().pool();
        fixture.advance(Duration.ofSeconds(40));
        assertThat(poolVms(created.id())).hasSize(9).extracting(Vm::name).allSatisfy(n -> assertThat(n).hasSize(64));
        assertThat(eventTexts()).contains("Not all VMs where successfully created in VM Pool " + name + ".",
                "VM Pool " + name + " (containing 9 VMs) was created by admin@internal-authz.");
        assertThat(dc1.systemService().templatesService().list().search("name=rhel8-server").send().templates()
                .get(0).status()).isEqualTo(TemplateStatus.OK);
        pools().poolService(created.id()).remove().send();
        fixture.advance(Duration.ofSeconds(4));
        assertThat(pools().list().search("name=" + name).send().pools()).isEmpty();
    }

    @Test
    void prestartedVmsAreStartedByTheMonitorFiveAtATimeAndAnUpdateTriggersItAtOnce() {
        VmPool created = pools().add().pool(new VmPoolBuilder().name("pre-pool")
                .cluster(new ClusterBuilder().name("Win-Desktops")).template(new TemplateBuilder().name("win10-22h2"))
                .size(7).prestartedVms(6)).send().pool();
        fixture.advance(Duration.ofSeconds(20));
        assertThat(poolVms(created.id())).hasSize(7).extracting(Vm::status).containsOnly(VmStatus.DOWN);

        fixture.advance(Duration.ofMinutes(4).plusSeconds(39));
        assertThat(poolVms(created.id())).extracting(Vm::status).containsOnly(VmStatus.DOWN);
        fixture.advance(Duration.ofSeconds(1));
        assertThat(poolVms(created.id())).extracting(Vm::status).containsExactly(VmStatus.WAIT_FOR_LAUNCH,
                VmStatus.WAIT_FOR_LAUNCH, VmStatus.WAIT_FOR_LAUNCH, VmStatus.WAIT_FOR_LAUNCH,
                VmStatus.WAIT_FOR_LAUNCH, VmStatus.DOWN, VmStatus.DOWN);
        fixture.advance(Duration.ofSeconds(30));
        assertThat(pools().list().search("running_vm_count=5 and name=pre-pool").send().pools()).hasSize(1);

        fixture.advance(Duration.ofMinutes(4).plusSeconds(30));
        assertThat(poolVms(created.id())).extracting(Vm::status).containsExactly(VmStatus.UP, VmStatus.UP,
                VmStatus.UP, VmStatus.UP, VmStatus.UP, VmStatus.WAIT_FOR_LAUNCH, VmStatus.DOWN);

        pools().poolService(created.id()).update().pool(new VmPoolBuilder().prestartedVms(7)).send();
        assertThat(poolVms(created.id())).extracting(Vm::status).doesNotContain(VmStatus.DOWN);
    }

    @Test
    void allocationHandsAFreeVmToTheCallerAndRunsIt() {
        VmPool created = pools().add().pool(linuxPool("alloc-pool").size(2)).send().pool();
        fixture.advance(Duration.ofSeconds(12));
        VmPoolService pool = pools().poolService(created.id());

        pool.allocateVm().send();
        List<Vm> members = poolVms(created.id());
        assertThat(members.get(0).status()).isEqualTo(VmStatus.WAIT_FOR_LAUNCH);
        assertThat(members.get(1).status()).isEqualTo(VmStatus.DOWN);
        List<Permission> granted = dc1.systemService().vmsService().vmService(members.get(0).id())
                .permissionsService().list().send().permissions();
        assertThat(granted).anySatisfy(p -> {
            assertThat(p.role().id()).isEqualTo(USER_ROLE_ID);
            assertThat(p.user().id()).isEqualTo(ADMIN_USER_ID);
        });
        assertThatThrownBy(() -> pool.allocateVm().send())
                .hasMessageContaining("[User is already attached to maximum number of VMs from this VM-Pool.]")
                .hasMessageContaining("409");

        pool.update().pool(new VmPoolBuilder().maxUserVms(5)).send();
        pool.allocateVm().send();
        assertThat(poolVms(created.id())).extracting(Vm::status).doesNotContain(VmStatus.DOWN);
        assertThatThrownBy(() -> pool.allocateVm().send())
                .hasMessageContaining("[Cannot allocate and run VM from VM-Pool. There are no available VMs in the "
                        + "VM-Pool.]")
                .hasMessageContaining("409");
    }

    @Test
    void removalPowersOffEveryVmAndThenRemovesThemAndThePool() {
        VmPool finance = pools().list().search("name=finance-win10").send().pools().get(0);
        List<Vm> members = poolVms(finance.id());
        assertThat(members).hasSize(6);
        assertThat(members).extracting(Vm::status).contains(VmStatus.UP);

        pools().poolService(finance.id()).remove().send();
        assertThat(pool(finance.id()).prestartedVmsAsInteger()).isZero();
        assertThat(poolVms(finance.id())).extracting(Vm::status)
                .containsOnly(VmStatus.POWERING_DOWN, VmStatus.DOWN).contains(VmStatus.POWERING_DOWN);
        assertThatThrownBy(() -> pools().poolService(finance.id()).update().pool(new VmPoolBuilder().size(9)).send())
                .hasMessageContaining("[Cannot edit VM-Pool. VM Pool finance-win10 is being removed.]")
                .hasMessageContaining("409");
        assertThatThrownBy(() -> pools().poolService(finance.id()).allocateVm().send())
                .hasMessageContaining("[Cannot allocate and run VM from VM-Pool. VM Pool finance-win10 is being "
                        + "removed.]");
        assertThatThrownBy(() -> pools().poolService(finance.id()).remove().send())
                .hasMessageContaining("[Cannot remove VM-Pool. VM Pool finance-win10 is being removed.]");

        fixture.advance(Duration.ofSeconds(4));
        assertThat(poolVms(finance.id())).hasSize(6);
        fixture.advance(Duration.ofSeconds(4));
        assertThatThrownBy(() -> pools().poolService(finance.id()).get().send()).hasMessageContaining("404");
        List<String> names = members.stream().map(Vm::name).toList();
        assertThat(dc1.systemService().vmsService().list().send().vms()).extracting(Vm::name)
                .doesNotContainAnyElementsOf(names);
        assertThat(eventTexts()).contains("VM Pool finance-win10 removal was initiated by admin@internal-authz.",
                "VM Pool finance-win10 was removed by admin@internal-authz.");
    }

    @Test
    void poolPermissionsCanBeGrantedListedAndRevoked() {
        VmPool pool = pools().list().search("name=eng-rhel9-*").send().pools().get(0);
        String contractors = dc1.systemService().groupsService().list().search("name=contractors").send().groups()
                .get(0).id();
        var permissions = pools().poolService(pool.id()).permissionsService();
        PermissionBuilder grant = new PermissionBuilder().role(new RoleBuilder().name("UserRole"))
                .group(new GroupBuilder().id(contractors));
        Permission added = permissions.add().permission(grant).send().permission();
        assertThat(permissions.add().permission(grant).send().permission().id()).isEqualTo(added.id());
        assertThat(permissions.list().send().permissions()).extracting(Permission::id).contains(added.id());
        assertThat(permissions.list().send().permissions()).filteredOn(p -> p.group() != null)
                .extracting(p -> p.group().id()).contains(contractors);

        permissions.permissionService(added.id()).remove().send();
        assertThat(permissions.list().send().permissions()).extracting(Permission::id).doesNotContain(added.id());
    }

    @Test
    void aBigPoolHasAllItsVmsWhenTheAddAnswers() {
        try (SimulatorFixture scaled = SimulatorFixture.start(b -> b.timeScale(0.05))) {
            Connection site = scaled.connect("dc1");
            VmPoolsService service = site.systemService().vmPoolsService();
            VmPool big = service.add().pool(new VmPoolBuilder().name("call-center")
                    .cluster(new ClusterBuilder().name("Win-Desktops")).template(new TemplateBuilder().name("win10-22h2"))
                    .size(239)).send().pool();
            assertThat(big.sizeAsInteger()).isEqualTo(239);
            assertThat(site.systemService().vmsService().list().search("pool=call-center").send().vms())
                    .hasSize(239).extracting(Vm::status).containsOnly(VmStatus.IMAGE_LOCKED);
            // each VM's disks: 8 s × 0.05 of modelled time
            scaled.advance(Duration.ofSeconds(1));
            List<Vm> vms = site.systemService().vmsService().list().search("pool=call-center").send().vms();
            assertThat(vms).hasSize(239).extracting(Vm::status).containsOnly(VmStatus.DOWN);
            assertThat(vms).extracting(Vm::name).contains("call-center-1", "call-center-239");
            assertThat(site.systemService().templatesService().list().search("name=win10-22h2").send().templates())
                    .extracting(Template::status).containsOnly(TemplateStatus.OK);
        }
    }

    @Test
    void poolXmlConformsToTheApiModel() {
        RawApi raw = RawApi.connect(fixture, "dc1");
        String clusterId = dc1.systemService().clustersService().list().search("name=Infra").send().clusters().get(0)
                .id();
        var added = raw.post("vmpools", "<vm_pool><name>raw-pool</name><cluster id=\"" + clusterId + "\"/>"
                + "<template><name>rhel8-server</name></template></vm_pool>");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/vmpools/"));
        XmlConformanceChecker.assertConforms(added.body(), "vm_pool");
        assertThat(added.body()).contains("<name>raw-pool</name>").contains("<size>1</size>");
        var list = raw.get("vmpools");
        assertThat(list.statusCode()).isEqualTo(200);
        XmlConformanceChecker.assertConforms(list.body(), "vm_pools");
        String id = pools().list().search("name=eng-rhel9-*").send().pools().get(0).id();
        var one = raw.get("vmpools/" + id);
        XmlConformanceChecker.assertConforms(one.body(), "vm_pool");
        assertThat(one.body()).contains("<size>4</size>").contains("<type>manual</type>");
        XmlConformanceChecker.assertConforms(raw.get("vmpools/" + id + "/permissions").body(), "permissions");
    }

    private static VmPoolsService pools() {
        return dc1.systemService().vmPoolsService();
    }

    private static VmPool pool(String id) {
        return pools().poolService(id).get().send().pool();
    }

    private static VmPoolBuilder linuxPool(String name) {
        return new VmPoolBuilder().name(name).cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"));
    }

    private static VmBuilder linuxVm(String name) {
        return new VmBuilder().name(name).cluster(new ClusterBuilder().name("Linux-Desktops"))
                .template(new TemplateBuilder().name("rhel9-desktop"));
    }

    private static List<Vm> poolVms(String poolId) {
        return dc1.systemService().vmsService().list().send().vms().stream()
                .filter(vm -> vm.vmPool() != null && poolId.equals(vm.vmPool().id()))
                .sorted(Comparator.comparing(Vm::name)).toList();
    }

    private static TemplateStatus rhel9Status() {
        return dc1.systemService().templatesService().list().search("name=rhel9-desktop").send().templates().get(0)
                .status();
    }

    private static List<String> eventTexts() {
        return dc1.systemService().eventsService().list().send().events().stream().map(Event::description).toList();
    }

    private static Job job(String description) {
        return dc1.systemService().jobsService().list().send().jobs().stream()
                .filter(j -> j.description().equals(description)).findFirst().orElseThrow();
    }
}
