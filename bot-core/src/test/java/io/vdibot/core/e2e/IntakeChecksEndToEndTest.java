package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the estate or the task table already says will fail, or do nothing, is refused in the console before any task
 * exists, with the numbers or the status that make it so: numbers out of range, pool name masks that run out, shrinks
 * the pool cannot give, settings that do not fit, grants that change nothing, a running VM or a Windows VM to seal
 * for a template, and a name an earlier task will create.
 */
class IntakeChecksEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
        // requesters may change the demo's pools once an administrator says so: the checks below come after that
        bot.assignPoolOwner("eng-rhel9-??", "dc1", "vdi-requesters");
        bot.assignPoolOwner("finance-win10", "dc1", "vdi-requesters");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @BeforeEach
    void login() {
        bot.type("/login alice");
    }

    /** Sends {@code line} and returns the refusal's line that contains {@code words}. */
    private static String refusal(String line, String words) {
        String thread = bot.send(line);
        // a parse mistake is an error, a request the estate refuses a warning
        bot.awaitIn(thread, "^(warning|error): I could not run that command:", WAIT);
        return bot.awaitIn(thread, Pattern.quote(words), WAIT);
    }

    @Test
    void aHugeNumberIsTooLarge() {
        assertThat(refusal("/vdi pool create p-?? template=rhel9-desktop size=99999999999999999999", "too large"))
                .isEqualTo("• size: 99999999999999999999 is too large; it must be at most 2147483647.");
        assertThat(bot.tasksNamed("p-??")).isZero();
    }

    @Test
    void aPoolNameMaskHoldsAsManyVmsAsItsDigitsNumberLessTheNamesOtherVmsHave() {
        assertThat(refusal("/vdi pool create dev-? template=rhel9-desktop size=12", "at most"))
                .isEqualTo("Pool dev-? cannot have 12 VMs: the “?” in its name number its VMs up to 9, so it holds "
                        + "at most 9.");
        assertThat(refusal("/vdi pool create dev-?? template=rhel9-desktop size=150", "at most"))
                .isEqualTo("Pool dev-?? cannot have 150 VMs: the “?” in its name number its VMs up to 99, so it "
                        + "holds at most 99.");
        assertThat(refusal("/vdi pool create par-jump-?? template=rhel9-desktop size=99", "at most"))
                .isEqualTo("Pool par-jump-?? cannot have 99 VMs: its name numbers at most 99 VMs, and 1 of those "
                        + "names belong to other VMs at site dc1, so at most 98 fit.");
        assertThat(refusal("/vdi pool resize eng-rhel9-?? size=100", "at most"))
                .isEqualTo("Pool eng-rhel9-?? cannot have 100 VMs: the “?” in its name number its VMs up to 99, so "
                        + "it holds at most 99.");
        assertThat(bot.tasksNamed("dev-?") + bot.tasksNamed("dev-??") + bot.tasksNamed("par-jump-??")
                + bot.tasksNamed("eng-rhel9-??")).isZero();
    }

    @Test
    void poolEditsThatCannotWorkOrWouldDoNothingAreRefusedWithTheNumbers() {
        assertThat(refusal("/vdi pool resize finance-win10 size=1", "shrinking"))
                .isEqualTo("Pool finance-win10 has 6 VMs; shrinking it to 1 means removing 5 VMs that are down and "
                        + "handed to nobody, and it has only 2 (4 running, 0 down but handed to a user). Nothing "
                        + "was changed.");
        assertThat(refusal("/vdi pool resize finance-win10 size=6", "nothing to do"))
                .isEqualTo("Pool finance-win10 already has 6 VMs; there is nothing to do.");
        assertThat(refusal("/vdi pool update finance-win10 prestarted=7", "prestarted"))
                .isEqualTo("Pool finance-win10 has 6 VMs, so it cannot keep 7 of them prestarted. Grow it first, "
                        + "or ask for fewer.");
        assertThat(refusal("/vdi pool grant finance-win10 group=finance-desktops role=UserRole", "already granted"))
                .isEqualTo("Group finance-desktops already has the role UserRole on pool finance-win10 at site dc1; "
                        + "it is already granted.");
        assertThat(refusal("/vdi pool revoke finance-win10 group=contractors role=UserRole", "no such grant"))
                .isEqualTo("Group contractors does not have the role UserRole on pool finance-win10 at site dc1: "
                        + "there is no such grant to revoke.");
        assertThat(bot.tasksNamed("finance-win10")).isZero();
    }

    @Test
    void aTemplateIsNotMadeFromARunningVmUnlessAskedToStopItNorSealedOnWindows() {
        assertThat(refusal("/vdi template create jump-tpl vm=par-jump-01", "stop=true"))
                .isEqualTo("VM par-jump-01 is up at site dc1; the engine makes a template only from a VM that is "
                        + "down. Shut it down first, or add stop=true to have the task shut it down.");
        assertThat(refusal("/vdi template create win-sealed vm=par-win11-golden seal=true", "Sealing"))
                .startsWith("VM par-win11-golden runs Windows (windows_11), and the engine refuses to seal it: "
                        + "“Sealing of Windows systems is currently not supported.”");
        assertThat(bot.tasksNamed("jump-tpl") + bot.tasksNamed("win-sealed")).isZero();
    }

    @Test
    void aNameAnEarlierTaskWillCreateIsReservedForIt() {
        bot.type("/vdi vm create dup-vm template=rhel9-desktop at=+1h");
        String first = bot.awaitTask("dup-vm", WAIT);

        assertThat(refusal("/vdi vm create dup-vm template=rhel9-desktop", "reserved"))
                .isEqualTo("The name “dup-vm” at site dc1 is reserved by task " + first + ", which will create it. "
                        + "Choose another name, or cancel " + first + " first.");
        assertThat(bot.tasksNamed("dup-vm")).isEqualTo(1);

        // once that task is cancelled, the name is free again
        bot.type("/vdi cancel " + first);
        bot.await("Task " + first + " \\(vm.create\\) was cancelled by", WAIT);
        bot.type("/vdi vm create dup-vm template=rhel9-desktop at=+1h");
        String second = bot.awaitGroup("\\[(T\\d+)\\] Task (?!" + first + "\\b)T\\d+ \\(vm create dup-vm template=rhel9-desktop\\) accepted",
                WAIT);
        assertThat(second).isNotEqualTo(first);
        assertThat(bot.tasksNamed("dup-vm")).isEqualTo(2);
    }
}
