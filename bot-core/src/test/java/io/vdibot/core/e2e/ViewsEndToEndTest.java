package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.engine.Call;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.engine.PermissionOperations;
import io.vdibot.rhev.simulator.engine.Ref;
import io.vdibot.rhev.simulator.model.Estate;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Looking at the estate from the console: show, list (every kind, filters, pages, every site), the dashboard with
 * its chart, refresh, unknown names, and a viewer reading all of it in Chinese. The demo sites carry
 * {@value #SCALE} generated VMs each on top of the demo estate, so the VM list of a site spans several pages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewsEndToEndTest {

    private static final int SCALE = 60;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern CHART = Pattern.compile("chart: .* \\((.+\\.png)\\)$");
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(Map.of("vdibot.demo.scale", String.valueOf(SCALE)));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    @Order(1)
    void showVmTellsStatusHostAddressesTemplateAndPool() {
        String jump = String.join("\n", ask("/vdi show vm par-jump-01", "^Description: "));
        assertThat(jump).contains("== VM par-jump-01 at site dc1 ==").contains("Status: up")
                .containsPattern("Host: par-hv-i\\d+").containsPattern("IP addresses: 10\\.\\d+\\.\\d+\\.\\d+")
                .contains("Cluster: Infra").contains("Data center: Paris-DC")
                .contains("Template: rhel8-server, version 1").contains("Pool: -");

        String pooled = String.join("\n", ask("/vdi show vm finance-win10-1", "^Description: "));
        assertThat(pooled).contains("Pool: finance-win10").contains("Template: win10-22h2, version 1");

        String elsewhere = String.join("\n", ask("/vdi show vm sg-jump-01 site=dc2", "^Description: "));
        assertThat(elsewhere).contains("== VM sg-jump-01 at site dc2 ==").contains("Data center: Singapore-DC");
    }

    @Test
    @Order(2)
    void showPoolTellsSizeUseTemplateAndWhoMayTakeItsVms() {
        String pool = String.join("\n", ask("/vdi show pool finance-win10", "^Its VMs: "));
        assertThat(pool).contains("== Pool finance-win10 at site dc1 ==").contains("Description: Finance desktops")
                .contains("Type: automatic").contains("VMs: 6").contains("Running: 4").contains("Handed to users: 0")
                .contains("Max VMs per user: 1").contains("Template: win10-22h2, version 1")
                .contains("Cluster: Win-Desktops").contains("Permissions on the pool:")
                .containsPattern("group finance-desktops +UserRole +user")
                .contains("Its VMs: /vdi list vms finance-win10-* site=dc1");

        String masked = String.join("\n", ask("/vdi show pool eng-rhel9-??", "^Its VMs: "));
        assertThat(masked).contains("Type: manual").contains("VMs: 4").contains("Running: 2")
                .contains("Max VMs per user: 2").contains("Its VMs: /vdi list vms eng-rhel9-* site=dc1");
    }

    @Test
    @Order(3)
    void showTemplateLooksAtEverySiteUnlessOneIsNamed() {
        String everywhere = String.join("\n", ask("/vdi show template win10-22h2", "^Not at: "));
        assertThat(everywhere).contains("== Template win10-22h2 at every site ==")
                .containsPattern("dc1 +1 +base version +ok +Win-Desktops +Paris-DC")
                .containsPattern("dc2 +1 +base version +ok +Win-Desktops +Singapore-DC")
                .contains("Found at: dc1, dc2").contains("Not at: none; every site has it").doesNotContain(": -");

        String versions = String.join("\n", ask("/vdi show template win11-23h2", "^Not at: "));
        assertThat(versions).containsPattern("dc1 +1 +base version +ok")
                .containsPattern("dc1 +2 +2026-10-patches +ok").contains("Found at: dc1").contains("Not at: dc2");

        String oneSite = String.join("\n", ask("/vdi show template win11-23h2 site=dc2", "exists at"));
        assertThat(oneSite).contains("warning: There is no template “win11-23h2” at site dc2.")
                .contains("A template of that name exists at: dc1.");
    }

    @Test
    @Order(4)
    void everyKindCanBeListed() {
        assertListed("vms", "== VMs at site dc1 ==", "dc1-pool-001-1 +\\w+ .* dc1-pool-001 ");
        assertListed("pools", "== Pools at site dc1 ==", "finance-win10 +6 +4 +0 +0 +automatic +win10-22h2 v1");
        assertListed("templates", "== Templates at site dc1 ==", "win11-23h2 +2 +2 2026-10-patches +ok +Win-Desktops");
        assertListed("hosts", "== Hosts at site dc1 ==", "par-hv-i\\d+ +maintenance +Infra");
        assertListed("clusters", "== Clusters at site dc1 ==", "Infra +Paris-DC +1/2");
        assertListed("storage", "== Storage domains at site dc1 ==", "paris-data-01 +data.* +active +\\d");
        assertListed("networks", "== Networks at site dc1 ==", "vdi-desktops +Paris-DC");
        assertListed("users", "== Users at site dc1 ==", "alice@vdi.example +alice@vdibot.example");
        assertListed("groups", "== Groups at site dc1 ==", "finance-desktops");
        assertListed("roles", "== Roles at site dc1 ==", "SuperUser +administrator");

        List<String> pools = ask("/vdi list pools site=all", " in all\\.$");
        assertThat(String.join("\n", pools)).contains("== Pools at every site ==")
                .containsPattern("Site +Name +VMs").containsPattern("dc1 +finance-win10")
                .containsPattern("dc2 +sales-win10 +5 +3");
    }

    @Test
    @Order(5)
    void filtersMatchWholeNamesWithWildcardsAndPartsWithout() {
        List<String> prefix = ask("/vdi list vms par-*", " in all\\.$");
        assertThat(prefix).contains("== VMs at site dc1 matching par-* ==").contains("3 in all.");
        assertThat(rows(prefix)).extracting(row -> row.split(" +")[0])
                .containsExactly("par-build-01", "par-jump-01", "par-win11-golden");

        List<String> suffix = ask("/vdi list vms *-GOLDEN", " in all\\.$");
        assertThat(rows(suffix)).extracting(row -> row.split(" +")[0]).containsExactly("par-win11-golden");

        List<String> part = ask("/vdi list templates win", " in all\\.$");
        assertThat(rows(part)).extracting(row -> row.split(" +")[0]).containsExactly("win10-22h2", "win11-23h2");

        List<String> none = ask("/vdi list pools zzz*", "No name");
        assertThat(none).contains("== Pools at site dc1 matching zzz* ==", "No name at site dc1 matches zzz*.");
    }

    @Test
    @Order(6)
    void aLongListComesInPagesWithTheCommandForTheNext() {
        int vms = estate("dc1", estate -> estate.vms.size());
        int pages = (vms + 24) / 25;
        assertThat(pages).isGreaterThanOrEqualTo(3);

        List<String> first = ask("/vdi list vms", "^Next page: ");
        assertThat(first).contains("Page 1 of " + pages + " (" + vms + " in all).")
                .contains("Next page: /vdi list vms page=2");
        assertThat(rows(first)).hasSize(25);

        List<String> second = ask("/vdi list vms page=2", "^Next page: ");
        assertThat(rows(second)).hasSize(25).doesNotContainAnyElementsOf(rows(first));

        List<String> last = ask("/vdi list vms page=" + pages, "^Page " + pages + " of");
        assertThat(rows(last)).hasSize(vms - 25 * (pages - 1));
        assertThat(last).noneMatch(l -> l.startsWith("Next page"));

        List<String> beyond = ask("/vdi list vms page=" + (pages + 5), "There is no page");
        assertThat(String.join("\n", beyond)).contains("the list has " + pages + " page(s)")
                .contains("/vdi list vms page=" + pages);

        List<String> filtered = ask("/vdi list vms dc1-* site=dc1", "^Next page: ");
        assertThat(filtered).contains("Next page: /vdi list vms dc1-* site=dc1 page=2");
    }

    @Test
    @Order(7)
    void refreshReloadsAndTheDashboardCountsHostsVmsAndUsersWithPieCharts() throws IOException {
        grant("dc1", "par-jump-01", "UserRole", "alice");
        grant("dc1", "par-win11-golden", "UserVmManager", "bob");

        List<String> refresh = ask("/vdi refresh site=dc1", "inventory reloaded");
        int vms = estate("dc1", estate -> estate.vms.size());
        long templates = estate("dc1", estate -> estate.templates.values().stream().filter(t -> !"Blank".equals(t.name))
                .map(t -> t.name).distinct().count());
        int pools = estate("dc1", estate -> estate.pools.size());
        assertThat(refresh.get(0)).isEqualTo("ok: Site dc1: inventory reloaded, " + vms + " VMs, " + templates
                + " templates, " + pools + " pools, 8 hosts, 3 storage domains.");

        List<String> both = ask("/vdi refresh", "Site dc2: inventory reloaded");
        assertThat(both).anyMatch(l -> l.contains("Site dc1: inventory reloaded"));

        int vmsUp = vmsWithStatus("dc1", "up");
        int vmsDown = vmsWithStatus("dc1", "down");
        int users = estate("dc1", estate -> estate.users.size());
        List<String> dashboard = ask("/vdi dashboard site=dc1", "^Users are the engine");
        String text = String.join("\n", dashboard);
        // a pool's VMs that are down are one grey slice among others, not "not up"; every engine user is counted
        assertThat(text).containsPattern("== Dashboard of site dc1, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d Europe/Paris ==")
                .contains("Hosts: Up (7), Maintenance (1)")
                .contains("Users: With a desktop (2), Without a desktop (" + (users - 2) + ")");
        String vmLine = dashboard.stream().filter(l -> l.startsWith("VMs: ")).findFirst().orElseThrow();
        assertThat(vmLine).contains("Up (" + vmsUp + ")").contains("Down (" + vmsDown + ")");
        assertThat(Pattern.compile("\\((\\d+)\\)").matcher(vmLine).results()
                .mapToInt(r -> Integer.parseInt(r.group(1))).sum()).as(vmLine).isEqualTo(vms);
        // the chart is written under the data directory and named by its full path
        Path chart = chartOf(dashboard);
        assertThat(chart.isAbsolute()).isTrue();
        assertThat(chart.getParent()).isEqualTo(bot.dataDir().toAbsolutePath().resolve("images"));
        assertThat(chart.getFileName().toString()).endsWith("dashboard-dc1.png");
        byte[] png = Files.readAllBytes(chart);
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        assertThat(png.length).isGreaterThan(8_000);
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isEqualTo(480);

        List<String> everySite = ask("/vdi dashboard", "^Users are the engine");
        assertThat(everySite).anyMatch(l -> l.startsWith("== Dashboard of site dc1"))
                .anyMatch(l -> l.startsWith("== Dashboard of site dc2"));
        assertThat(everySite.stream().filter(l -> CHART.matcher(l).find())).hasSize(2);
    }

    @Test
    @Order(8)
    void unknownNamesAndSitesGetAClearAnswerWithCloseMatches() {
        List<String> vm = ask("/vdi show vm par-jump-1", "Close matches");
        assertThat(vm).containsExactly("warning: There is no VM “par-jump-1” at site dc1.",
                "Close matches: par-jump-01.");

        List<String> pool = ask("/vdi show pool sales-win10", "exists at");
        assertThat(pool).contains("warning: There is no pool “sales-win10” at site dc1.",
                "A pool of that name exists at: dc2.");

        List<String> template = ask("/vdi show template rhel9-dekstop", "Close matches");
        assertThat(template).contains("warning: There is no template “rhel9-dekstop” at any site.",
                "Close matches: rhel9-desktop.");

        List<String> site = ask("/vdi list vms site=mars", "There is no site");
        assertThat(site).containsExactly(
                "warning: There is no site “mars”; the sites are: dc1, dc2, or all for every site.");
    }

    /** Runs last: it logs in as dave, whose directory entry asks for Simplified Chinese. */
    @Test
    @Order(9)
    void aViewerMayUseEveryViewAndReadsItInChinese() throws IOException {
        bot.type("/login dave");
        assertThat(String.join("\n", ask("/vdi show vm par-jump-01", "^描述: ")))
                .contains("== 站点 dc1 的虚拟机 par-jump-01 ==").contains("状态: 运行中").contains("模板: rhel8-server，版本 1");
        assertThat(String.join("\n", ask("/vdi show pool finance-win10", "^其虚拟机：")))
                .contains("== 站点 dc1 的虚拟机池 finance-win10 ==").contains("已分配给用户: 0")
                .containsPattern("组 finance-desktops +UserRole +用户");
        assertThat(String.join("\n", ask("/vdi show template win11-23h2", "^缺少的站点: ")))
                .contains("== 所有站点上的模板 win11-23h2 ==").contains("所在站点: dc1");
        assertThat(String.join("\n", ask("/vdi list vms", "^下一页：")))
                .contains("== 站点 dc1 上的虚拟机 ==").containsPattern("名称 +状态 +主机").contains("第 1 页，共 ")
                .contains("下一页：/vdi list vms page=2");
        assertThat(ask("/vdi list roles 管理", "没有")).contains("站点 dc1 上没有名称匹配“管理”的项。");

        int users = estate("dc2", estate -> estate.users.size());
        List<String> dashboard = ask("/vdi dashboard site=dc2", "^用户指引擎中");
        assertThat(String.join("\n", dashboard)).contains("== 站点 dc2 概览，").contains("主机: 运行（5）")
                .contains("用户: 无桌面（" + users + "）");
        assertThat(Files.size(chartOf(dashboard))).isGreaterThan(8_000);

        assertThat(ask("/vdi refresh site=dc2", "资源缓存已重新加载").get(0))
                .startsWith("ok: 站点 dc2：资源缓存已重新加载");
        assertThat(ask("/vdi show vm nope site=all", "没有")).contains("warning: 没有名为“nope”的虚拟机（查找范围：任何站点）。");
        bot.type("/login alice");
    }

    // ---- helpers ----

    /** Types {@code line} and returns its reply once the line matching {@code lastLine} is printed. */
    private static List<String> ask(String line, String lastLine) {
        String label = bot.send(line);
        bot.awaitIn(label, lastLine, WAIT);
        return bot.thread(label);
    }

    private static void assertListed(String kind, String heading, String rowPattern) {
        List<String> reply = ask("/vdi list " + kind, " in all\\.$|^Next page: ");
        assertThat(reply).as(kind).contains(heading);
        assertThat(rows(reply)).as(kind).anyMatch(row -> Pattern.compile(rowPattern).matcher(row).find());
    }

    /** The table rows of a reply: the lines between the rule under the headers and the first line after them. */
    private static List<String> rows(List<String> reply) {
        int rule = 0;
        while (rule < reply.size() && !reply.get(rule).matches("-+( +-+)*")) {
            rule++;
        }
        int end = rule + 1;
        while (end < reply.size() && !reply.get(end).matches(".*(in all\\.|of \\d+ \\(.*)$")) {
            end++;
        }
        return reply.subList(Math.min(rule + 1, reply.size()), end);
    }

    private static Path chartOf(List<String> reply) {
        for (String line : reply) {
            Matcher chart = CHART.matcher(line);
            if (chart.find()) {
                Path file = Path.of(chart.group(1));
                assertThat(file).exists();
                return file;
            }
        }
        throw new AssertionError("no chart in " + reply);
    }

    private static int vmsWithStatus(String site, String status) {
        return estate(site, estate -> (int) estate.vms.values().stream().filter(v -> status.equals(v.status)).count());
    }

    private static <T> T estate(String site, java.util.function.Function<Estate, T> read) {
        Engine engine = bot.bean(Simulator.class).site(site).engine();
        return engine.read(() -> read.apply(engine.estate()));
    }

    /** Grants a directory user a role on a VM, as an engine administrator would in the engine's console. */
    private static void grant(String site, String vm, String role, String user) {
        Engine engine = bot.bean(Simulator.class).site(site).engine();
        PermissionOperations permissions = new PermissionOperations(engine);
        engine.write(() -> {
            String vmId = engine.estate().vms.values().stream().filter(v -> v.name.equals(vm)).findFirst()
                    .orElseThrow().id;
            String userId = engine.estate().users.values().stream().filter(u -> u.principal.equals(user))
                    .findFirst().orElseThrow().id;
            return permissions.add(Call.internal(), "vm", vmId, new Ref(null, role), userId, null);
        });
    }
}
