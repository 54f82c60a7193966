package io.vdibot.rhev.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.rhev.inventory.HostInfo;
import io.vdibot.rhev.inventory.PermissionInfo;
import io.vdibot.rhev.inventory.RoleInfo;
import io.vdibot.rhev.inventory.UserInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieSeries;

/**
 * The dashboard's figures and pies, from an inventory whose content is known: VMs and hosts gathered by status, the
 * engine's users with and without a desktop, and the chart models and picture drawn from them.
 */
class DashboardPiesTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    private static final Messages ZH = Messages.forLocale(Messages.SIMPLIFIED_CHINESE);
    private static final RoleInfo USER_ROLE = new RoleInfo("r-user", "UserRole", false);
    private static final RoleInfo VM_MANAGER = new RoleInfo("r-manager", "UserVmManager", false);
    private static final RoleInfo SUPER_USER = new RoleInfo("r-super", "SuperUser", true);
    private static final List<RoleInfo> ROLES = List.of(USER_ROLE, VM_MANAGER, SUPER_USER);
    private static final List<UserInfo> USERS = List.of(user("alice"), user("bob"), user("carol"), user("dave"),
            user("erin"), user("frank"));

    private final List<VmInfo> vms = new ArrayList<>();
    private final List<HostInfo> hosts = new ArrayList<>();

    @Test
    void vmsAreGatheredByWhatTheirStatusMeans() {
        vms("up", 3);
        vms("down", 4);
        vms("powering_up", 1);
        vms("wait_for_launch", 1);
        vms("image_locked", 2);
        vms("migrating", 1);
        vms("suspended", 1);
        vms("not_responding", 1);
        vms("unknown", 1);

        SiteFigures figures = figures();

        assertThat(figures.vms()).containsExactly(entry(StatusGroup.UP, 3), entry(StatusGroup.STARTING, 2),
                entry(StatusGroup.DOWN, 4), entry(StatusGroup.LOCKED, 2), entry(StatusGroup.OTHER, 2),
                entry(StatusGroup.NOT_RESPONDING, 2));
        assertThat(figures.vmCount()).isEqualTo(15);
    }

    @Test
    void hostsAreGatheredByWhatTheirStatusMeans() {
        hosts("up", 5);
        hosts("maintenance", 1);
        hosts("preparing_for_maintenance", 1);
        hosts("installing", 1);
        hosts("non_responsive", 1);
        hosts("non_operational", 1);
        hosts(null, 1);

        SiteFigures figures = figures();

        assertThat(figures.hosts()).containsExactly(entry(StatusGroup.UP, 5), entry(StatusGroup.STARTING, 1),
                entry(StatusGroup.MAINTENANCE, 2), entry(StatusGroup.NOT_RESPONDING, 2), entry(StatusGroup.FAILED, 1));
        assertThat(figures.hostCount()).isEqualTo(11);
    }

    @Test
    void aUserHasADesktopWhenAVmOfAPoolOrAUserRoleOnAVmIsTheirs() {
        // alice took a VM of a pool, which is down now: still hers
        vm("pool-vm-1", "down", "pool-1", grant(USER_ROLE, "alice"));
        // bob was handed a personal VM
        vm("bob-desk", "up", null, grant(VM_MANAGER, "bob"));
        // carol administers a VM: an administrator's grant is not a desktop
        vm("infra-01", "up", null, grant(SUPER_USER, "carol"));
        // a group's grant names no user; a grant to someone the engine no longer lists counts nobody
        vm("pool-vm-2", "up", "pool-1", new PermissionInfo("p-g", USER_ROLE.id(), null, "g-finance"),
                grant(USER_ROLE, "gone"));
        // bob's second desktop does not make him two users
        vm("bob-desk-2", "down", null, grant(USER_ROLE, "bob"));

        SiteFigures figures = figures();

        assertThat(figures.usersWithDesktop()).isEqualTo(2);
        assertThat(figures.usersWithout()).isEqualTo(USERS.size() - 2);
    }

    @Test
    void onlyStatesThatNeedAttentionHaveAWarningColour() {
        for (StatusGroup group : StatusGroup.values()) {
            Color colour = DashboardPies.COLOURS.get(group);
            assertThat(colour).as(group.name()).isNotNull();
            boolean warm = colour.getRed() > colour.getGreen() + 40 && colour.getRed() > colour.getBlue() + 40;
            assertThat(warm).as(group + " is drawn in a warning colour").isEqualTo(group.needsAttention());
        }
        Color down = DashboardPies.COLOURS.get(StatusGroup.DOWN);
        assertThat(down.getRed()).as("down is grey").isEqualTo(down.getGreen()).isEqualTo(down.getBlue());
        assertThat(StatusGroup.values()).filteredOn(StatusGroup::needsAttention)
                .containsExactly(StatusGroup.NOT_RESPONDING, StatusGroup.FAILED);
    }

    @Test
    void thePiesShowEachNonEmptyGroupWithItsNumberInTheLegendAndItsColour() {
        hosts("up", 7);
        hosts("maintenance", 1);
        vms("up", 3);
        vms("down", 5);
        vms("not_responding", 1);
        vm("pool-vm-1", "down", "pool-1", grant(USER_ROLE, "alice"));

        DashboardChart.Picture picture = DashboardPies.of(figures(), "2026-11-26 10:00 Europe/Paris", EN);
        List<PieChart> charts = DashboardChart.charts(picture);

        assertThat(picture.title()).isEqualTo("Site dc1, 2026-11-26 10:00 Europe/Paris");
        assertThat(charts).extracting(PieChart::getTitle).containsExactly("Hosts", "VMs", "Users");
        assertThat(slices(charts.get(0))).containsExactly(entry("Up (7)", 7), entry("Maintenance (1)", 1));
        assertThat(slices(charts.get(1))).containsExactly(entry("Up (3)", 3), entry("Down (6)", 6),
                entry("Not responding (1)", 1));
        assertThat(slices(charts.get(2))).containsExactly(entry("With a desktop (1)", 1),
                entry("Without a desktop (5)", 5));
        PieSeries down = charts.get(1).getSeriesMap().get("Down (6)");
        assertThat(down.getFillColor()).isEqualTo(DashboardPies.COLOURS.get(StatusGroup.DOWN));
        assertThat(charts.get(1).getSeriesMap().get("Not responding (1)").getFillColor())
                .isEqualTo(DashboardPies.COLOURS.get(StatusGroup.NOT_RESPONDING));
        assertThat(charts.get(2).getSeriesMap().get("With a desktop (1)").getFillColor())
                .isEqualTo(DashboardPies.WITH_DESKTOP);
        assertThat(DashboardPies.shares(picture.pies().get(1), EN))
                .isEqualTo("Up (3), Down (6), Not responding (1)");
        // a chart whose legend has fewer lines is shorter by as many, so the three pies are drawn the same size
        assertThat(charts).extracting(PieChart::getHeight).containsExactly(charts.get(1).getHeight() - 30,
                charts.get(1).getHeight(), charts.get(1).getHeight() - 30);
    }

    @Test
    void anEmptyPieIsOneGreyDiscNamedNone() {
        DashboardChart.Picture picture = DashboardPies.of(figures(), "now", EN);

        PieChart hostsPie = DashboardChart.charts(picture).get(0);

        assertThat(slices(hostsPie)).containsExactly(entry("None", 1));
        assertThat(hostsPie.getSeriesMap().get("None").getFillColor()).isEqualTo(DashboardChart.EMPTY);
        assertThat(hostsPie.getStyler().isLabelsVisible()).isFalse();
        assertThat(DashboardPies.shares(picture.pies().get(0), EN)).isEqualTo("None");
    }

    @Test
    void theLegendAndTitleAreInTheReadersLanguage() {
        vms("up", 2);
        vms("image_locked", 1);

        DashboardChart.Picture picture = DashboardPies.of(figures(), "2026-11-26 17:00 Asia/Shanghai", ZH);

        assertThat(picture.title()).isEqualTo("站点 dc1，2026-11-26 17:00 Asia/Shanghai");
        assertThat(picture.pies()).extracting(DashboardChart.Pie::title).containsExactly("主机", "虚拟机", "用户");
        assertThat(slices(DashboardChart.charts(picture).get(1))).containsExactly(entry("运行（2）", 2),
                entry("已锁定（1）", 1));
        assertThat(DashboardPies.shares(picture.pies().get(2), ZH)).isEqualTo("无桌面（6）");
    }

    @Test
    void thePictureIsAPngOfTheWholeRow() throws IOException {
        hosts("up", 7);
        vms("up", 48);
        vms("down", 25);
        vm("pool-vm-1", "up", "pool-1", grant(USER_ROLE, "alice"));

        byte[] png = DashboardChart.png(DashboardPies.of(figures(), "2026-11-26 09:00 UTC", EN));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(DashboardChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(DashboardChart.HEIGHT);
        // small enough for Teams, which carries it inside its message
        assertThat(png.length).isLessThan(20_000);
        // the "up" green is drawn somewhere in the VM pie, the middle third of the picture
        assertThat(contains(image, DashboardChart.WIDTH / 3, 2 * DashboardChart.WIDTH / 3,
                DashboardPies.COLOURS.get(StatusGroup.UP))).isTrue();
        if (System.getProperty("vdibot.chart.out") != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("vdibot.chart.out")), png);
        }
    }

    // ---- helpers ----

    private SiteFigures figures() {
        return SiteFigures.of("dc1", AT, hosts, vms, USERS, ROLES);
    }

    private static Map<String, Number> slices(PieChart chart) {
        Map<String, Number> slices = new java.util.LinkedHashMap<>();
        chart.getSeriesMap().forEach((name, series) -> slices.put(name, series.getValue()));
        return slices;
    }

    private static boolean contains(BufferedImage image, int fromX, int toX, Color colour) {
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void vms(String status, int count) {
        for (int i = 0; i < count; i++) {
            vm(status + "-" + vms.size(), status, null);
        }
    }

    private void vm(String name, String status, String poolId, PermissionInfo... grants) {
        vms.add(new VmInfo("vm-" + name, name, "", status, "c1", null, "t1", poolId, List.of(), null, 4L << 30, 2,
                List.of(grants)));
    }

    private void hosts(String status, int count) {
        for (int i = 0; i < count; i++) {
            String name = "host-" + hosts.size();
            hosts.add(new HostInfo("h-" + name, name, name + ".example", status, "c1"));
        }
    }

    private static PermissionInfo grant(RoleInfo role, String user) {
        return new PermissionInfo("p-" + role.name() + "-" + user, role.id(), "u-" + user, null);
    }

    private static UserInfo user(String name) {
        return new UserInfo("u-" + name, name + "@vdi.example", name, name + "@vdi.example");
    }
}
