package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.simulator.support.SimulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.DomainBuilder;
import org.ovirt.engine.sdk4.builders.GroupBuilder;
import org.ovirt.engine.sdk4.builders.PermissionBuilder;
import org.ovirt.engine.sdk4.builders.RoleBuilder;
import org.ovirt.engine.sdk4.builders.VersionBuilder;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.DataCenter;
import org.ovirt.engine.sdk4.types.DataCenterStatus;
import org.ovirt.engine.sdk4.types.Group;
import org.ovirt.engine.sdk4.types.Permission;

/** Data centers, clusters, groups and system-wide permissions written through the SDK, as the SDK's examples do. */
class InfrastructureWritesTest {

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
    void dataCentersAndClustersAreAddedAndUpdated() {
        DataCenter dc = dc1.systemService().dataCentersService().add().dataCenter(new DataCenterBuilder()
                .name("Lyon-DC").description("new site").local(false).version(new VersionBuilder().major(4).minor(6)))
                .send().dataCenter();
        assertThat(dc.status()).isEqualTo(DataCenterStatus.UNINITIALIZED);
        assertThat(dc.version().minorAsInteger()).isEqualTo(6);
        assertThatThrownBy(() -> dc1.systemService().dataCentersService().add()
                .dataCenter(new DataCenterBuilder().name("Lyon-DC")).send()).hasMessageContaining("409");

        dc1.systemService().dataCentersService().dataCenterService(dc.id()).update()
                .dataCenter(new DataCenterBuilder().description("Lyon, France")).send();
        assertThat(dc1.systemService().dataCentersService().list().search("name=Lyon-DC").send().dataCenters())
                .singleElement().satisfies(d -> assertThat(d.description()).isEqualTo("Lyon, France"));

        Cluster cluster = dc1.systemService().clustersService().add().cluster(new ClusterBuilder().name("Lyon-Desktops")
                .dataCenter(new DataCenterBuilder().name("Lyon-DC")).cpu(new CpuBuilder().type("Intel Icelake Server Family"))
                .version(new VersionBuilder().major(4).minor(6))).send().cluster();
        assertThat(cluster.cpu().type()).isEqualTo("Intel Icelake Server Family");
        assertThat(cluster.dataCenter().id()).isEqualTo(dc.id());
        assertThatThrownBy(() -> dc1.systemService().clustersService().add().cluster(new ClusterBuilder().name("too-new")
                .dataCenter(new DataCenterBuilder().id(dc.id())).version(new VersionBuilder().major(4).minor(7))).send())
                .hasMessageContaining("compatibility version").hasMessageContaining("409");

        dc1.systemService().clustersService().clusterService(cluster.id()).update()
                .cluster(new ClusterBuilder().description("Lyon desktops")).send();
        assertThat(dc1.systemService().clustersService().clusterService(cluster.id()).get().send().cluster()
                .description()).isEqualTo("Lyon desktops");
        assertThat(dc1.followLink(dc1.systemService().dataCentersService().dataCenterService(dc.id()).get().send()
                .dataCenter().clusters())).extracting(Cluster::name).containsExactly("Lyon-Desktops");
    }

    @Test
    void groupsAndSystemAndGroupPermissionsAreAdded() {
        Group group = dc1.systemService().groupsService().add().group(new GroupBuilder().name("auditors")
                .domain(new DomainBuilder().name("vdi.example"))).send().group();
        assertThat(group.name()).isEqualTo("auditors");
        assertThatThrownBy(() -> dc1.systemService().groupsService().add().group(new GroupBuilder().name("auditors")
                .domain(new DomainBuilder().name("vdi.example"))).send()).hasMessageContaining("409");

        Permission system = dc1.systemService().permissionsService().add().permission(new PermissionBuilder()
                .role(new RoleBuilder().name("UserRole")).group(new GroupBuilder().id(group.id()))).send().permission();
        assertThat(dc1.systemService().permissionsService().list().send().permissions()).extracting(Permission::id)
                .contains(system.id());

        String paris = dc1.systemService().dataCentersService().list().search("name=Paris-DC").send().dataCenters()
                .get(0).id();
        dc1.systemService().groupsService().groupService(group.id()).permissionsService().add()
                .permission(new PermissionBuilder().role(new RoleBuilder().name("UserRole"))
                        .dataCenter(new DataCenterBuilder().id(paris))).send();
        assertThat(dc1.systemService().dataCentersService().dataCenterService(paris).permissionsService().list().send()
                .permissions()).filteredOn(p -> p.group() != null).extracting(p -> p.group().id()).contains(group.id());
    }
}
