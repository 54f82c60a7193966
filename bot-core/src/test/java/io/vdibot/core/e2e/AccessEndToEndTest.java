package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Who may do what, and what a refused or mistaken request leaves behind (nothing): the directory decides,
 * unknown people are refused politely, mistakes name the argument and show the usage line, and each user
 * reads the answers in their own language.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    @Order(1)
    void aViewerMayLookButNotCreate() {
        bot.type("/login dave");
        String create = bot.send("/vdi vm create acc-viewer template=rhel9-desktop");
        // dave's directory entry asks for Simplified Chinese
        assertThat(bot.awaitIn(create, "warning: ", WAIT)).contains("抱歉，您没有执行此操作的权限");

        String look = bot.send("/vdi tasks");
        assertThat(bot.awaitIn(look, ".+", WAIT)).doesNotContain("权限");

        assertNothingCreated("acc-viewer");
        assertThat(bot.thread(create)).noneMatch(l -> l.matches(".*T\\d+.*"));
    }

    @Test
    @Order(2)
    void someoneInNoGroupIsRefused() {
        bot.type("/login mallory");
        String create = bot.send("/vdi vm create acc-mallory template=rhel9-desktop");
        assertThat(bot.awaitIn(create, "warning: ", WAIT))
                .isEqualTo("warning: Sorry, you are in no VDI Bot group yet, so I cannot act for you.");
        // told which groups give access (from the group mapping) and whom to ask
        assertThat(bot.awaitIn(create, "To join", WAIT)).isEqualTo("Members of vdi-requesters may ask for desktops. "
                + "Members of vdi-viewers may look at the estate. To join, ask an administrator of VDI Bot. /vdi help "
                + "shows what the bot can do.");
        String look = bot.send("/vdi tasks");
        assertThat(bot.awaitIn(look, "warning: ", WAIT)).contains("in no VDI Bot group");
        String help = bot.send("/vdi help");
        assertThat(bot.awaitIn(help, "/vdi vm create", WAIT)).doesNotContain("warning");
        assertNothingCreated("acc-mallory");
    }

    @Test
    @Order(3)
    void anUnknownLoginIsRefusedPolitelyWithoutSayingWhy() {
        bot.type("/login zed");
        String create = bot.send("/vdi vm create acc-zed template=rhel9-desktop");
        String answer = bot.awaitIn(create, "warning: ", WAIT);
        assertThat(answer).contains("Sorry, I cannot find your account in the directory")
                .doesNotContain("zed").doesNotContainIgnoringCase("exception");
        bot.awaitIn(create, "^Members of vdi-requesters may ask for desktops\\. .+ To join, ask ", WAIT);
        // the help is open to everyone the platform lets through, and names nothing of the estate
        String help = bot.send("/vdi help");
        assertThat(bot.awaitIn(help, "/vdi vm create", WAIT)).doesNotContain("warning");
        assertThat(bot.thread(help)).noneMatch(l -> l.contains("cannot find your account"));
        assertNothingCreated("acc-zed");
    }

    @Test
    @Order(4)
    void anUnknownCommandIsNamedAndNearCommandsSuggested() {
        bot.type("/login alice");
        String line = bot.send("/vdi vm craete acc-typo template=rhel9-desktop");
        bot.awaitIn(line, "I do not know the command", WAIT);
        List<String> thread = bot.thread(line);
        assertThat(String.join("\n", thread)).startsWith("error: ").contains("vm craete")
                .contains("/vdi vm create");
        assertNothingCreated("acc-typo");
    }

    @Test
    @Order(5)
    void aBadArgumentIsNamedWithTheUsageLineAndNothingIsCreated() {
        bot.type("/login alice");
        String line = bot.send("/vdi vm create acc-bad template=rhel9-desktop cpus=lots colour=blue");
        bot.awaitIn(line, "Usage:", WAIT);
        String thread = String.join("\n", awaitSettled(line));
        assertThat(thread).startsWith("error: I could not run that command:")
                .contains("cpus").contains("colour")
                .contains("/vdi vm create NAME template=T [site=S]");

        String missing = bot.send("/vdi vm create acc-missing");
        bot.awaitIn(missing, "Usage:", WAIT);
        assertThat(String.join("\n", awaitSettled(missing))).contains("template is missing");

        assertNothingCreated("acc-bad");
        assertNothingCreated("acc-missing");
    }

    @Test
    @Order(6)
    void aRequestIsCheckedAgainstTheLiveInventoryBeforeItIsAccepted() {
        bot.type("/login alice");
        String template = bot.send("/vdi vm create acc-inv1 template=no-such-template");
        assertThat(bot.awaitIn(template, "There is no template", WAIT)).contains("no-such-template").contains("dc1");

        String cluster = bot.send("/vdi vm create acc-inv2 template=rhel9-desktop cluster=Atlantis");
        assertThat(bot.awaitIn(cluster, "There is no cluster", WAIT)).contains("Atlantis");

        String taken = bot.send("/vdi vm create par-build-01 template=rhel9-desktop");
        assertThat(bot.awaitIn(taken, "already used by a VM", WAIT)).contains("par-build-01");

        String site = bot.send("/vdi vm create acc-inv3 template=rhel9-desktop site=mars");
        assertThat(bot.awaitIn(site, "There is no site", WAIT)).contains("mars").contains("dc1, dc2");

        assertNothingCreated("acc-inv1");
        assertNothingCreated("acc-inv2");
        assertNothingCreated("acc-inv3");
        assertThat(bot.tasksNamed("par-build-01")).isZero();
        assertThat(bot.vmsNamed("dc1", "par-build-01")).isEqualTo(1);
    }

    /** Runs last: /lang sticks to the console session for everyone who logs in after it. */
    @Test
    @Order(7)
    void chineseRepliesOnRequestAndByDirectoryLanguage() {
        bot.type("/login dave");
        String daveHelp = bot.send("/vdi tasks frobnicate");
        assertThat(String.join("\n", awaitUsage(daveHelp))).contains("无法执行该命令").contains("用法");

        bot.type("/login alice");
        bot.type("/lang zh");
        String bad = bot.send("/vdi vm create acc-zh");
        assertThat(String.join("\n", awaitUsage(bad))).contains("缺少参数 template");

        bot.type("/vdi vm create acc-zh-01 template=rhel9-desktop at=+1h");
        String task = bot.awaitTask("acc-zh-01", WAIT);
        assertThat(bot.awaitIn(task, "已受理", WAIT)).startsWith("任务 " + task + "（vm create acc-zh-01 template=rhel9-desktop）已受理").contains("Europe/Paris");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SCHEDULED);
        assertThat(bot.task(task).locale().getLanguage()).isEqualTo("zh");

        String cancel = bot.send("/vdi cancel " + task);
        assertThat(bot.awaitIn(cancel, "取消", WAIT)).contains("已被 Alice Martin 取消");
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.CANCELLED);
        bot.type("/lang en");
    }

    private static List<String> awaitUsage(String label) {
        bot.awaitIn(label, "用法|Usage", WAIT);
        return awaitSettled(label);
    }

    /** A reply is printed in one piece; the code line of the usage comes right after its label. */
    private static List<String> awaitSettled(String label) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return bot.thread(label);
    }

    private static void assertNothingCreated(String name) {
        assertThat(bot.tasksNamed(name)).as("tasks for " + name).isZero();
        assertThat(bot.vmsNamed("dc1", name) + bot.vmsNamed("dc2", name)).as("VMs named " + name).isZero();
    }
}
