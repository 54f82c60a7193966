package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.rhev.simulator.Simulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code template create} typed in the console: intake checks (the engine's refusal to seal Windows among them), a template from a down VM. */
class TemplateCreateEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static String templateStatus(String name) {
        var engine = bot.bean(Simulator.class).site("dc1").engine();
        return engine.read(() -> engine.estate().templates.values().stream().filter(t -> t.name.equals(name))
                .map(t -> t.status).findFirst().orElse("absent"));
    }

    @Test
    void aTemplateFromADownVmIsReadyAndItsStepsAreInTheThread() {
        bot.type("/login alice");
        bot.type("/vdi template create e2e-golden vm=par-win11-golden cluster=Win-Desktops copy-permissions=true");
        String task = bot.awaitTask("e2e-golden", WAIT);
        bot.awaitIn(task, "accepted", WAIT);
        bot.awaitIn(task, "has started", RUN);
        assertThat(bot.awaitIn(task, "is being created", RUN))
                .isEqualTo("Template e2e-golden is being created from VM par-win11-golden at site dc1.");
        bot.awaitIn(task, "^ok: == Template e2e-golden is ready ==", RUN);

        List<String> thread = bot.thread(task);
        assertThat(thread).anyMatch(l -> l.matches("Source VM: +par-win11-golden"))
                .anyMatch(l -> l.matches("VM permissions copied: +yes"))
                .anyMatch(l -> l.matches("Create template +\\d+ (ms|s)"))
                .anyMatch(l -> l.matches("Disks copied +\\d+ (ms|s)"));
        assertThat(bot.task(task).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(templateStatus("e2e-golden")).isEqualTo("ok");

        String logs = bot.send("/vdi logs " + task);
        bot.awaitIn(logs, "Template e2e-golden version 1 \\(base version\\) is OK at site dc1\\.", WAIT);
    }

    @Test
    void sealingAWindowsVmIsRefusedBeforeAnyTaskWithTheEnginesWords() {
        bot.type("/login alice");
        String sealed = bot.send("/vdi template create e2e-sealed vm=par-win11-golden seal=true");
        assertThat(bot.awaitIn(sealed, "Sealing", WAIT)).isEqualTo("VM par-win11-golden runs Windows (windows_11), "
                + "and the engine refuses to seal it: “Sealing of Windows systems is currently not supported.” "
                + "Leave out seal=true (generalise Windows with sysprep inside the guest).");
        assertThat(bot.tasksNamed("e2e-sealed")).isZero();
        assertThat(templateStatus("e2e-sealed")).isEqualTo("absent");
    }

    @Test
    void intakeRefusesAnUnknownVmATakenNameAndAVersionUnderAnotherName() {
        bot.type("/login alice");
        String unknown = bot.send("/vdi template create e2e-ghost vm=par-ghost-01");
        bot.awaitIn(unknown, "^warning: I could not run that command:", WAIT);
        assertThat(bot.awaitIn(unknown, "par-ghost-01", WAIT)).isEqualTo("There is no VM “par-ghost-01” at site dc1.");

        String taken = bot.send("/vdi template create rhel9-desktop vm=par-win11-golden");
        assertThat(bot.awaitIn(taken, "already exists", WAIT)).isEqualTo("A template named “rhel9-desktop” already "
                + "exists at site dc1. Choose another name, or add a version with version-of=rhel9-desktop.");

        String renamed = bot.send("/vdi template create win11-next vm=par-win11-golden version-of=win11-23h2");
        assertThat(bot.awaitIn(renamed, "keeps the name", WAIT)).isEqualTo("A new version keeps the name of its base "
                + "template: write /vdi template create win11-23h2 … version-of=win11-23h2, not win11-next.");
        assertThat(bot.tasksNamed("e2e-ghost") + bot.tasksNamed("win11-next")).isZero();
    }
}
