package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request leaves an audit row — allowed, denied, invalid, refused at intake, accepted as a task — with the
 * command as typed and its secrets masked; administrators read them with {@code /vdi audit}, nobody else.
 */
class AuditEndToEndTest {

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
    void eachDecisionIsAuditedAndOnlyAdministratorsReadIt() {
        bot.assignPoolOwner("finance-win10", "dc1", "vdi-requesters");
        bot.type("/login alice");
        bot.type("/vdi vm create audit-01 template=rhel9-desktop at=+1h");
        String task = bot.awaitTask("audit-01", WAIT);
        bot.type("/vdi pool delete finance-win10 at=+2h");
        bot.awaitTask("finance-win10", WAIT);
        bot.awaitIn(bot.send("/vdi vm create audit-02"), ".+", WAIT);
        bot.awaitIn(bot.send("/vdi vm create par-build-01 template=rhel9-desktop"), ".+", WAIT);
        bot.awaitIn(bot.send("/vdi tasks mine"), ".+", WAIT);
        bot.type("/vdi vm create audit-03 template=rhel9-desktop init=\"echo pw=hunter2\" at=+1h");
        bot.awaitTask("audit-03", WAIT);
        String denied = bot.send("/vdi audit");
        assertThat(bot.awaitIn(denied, ".+", WAIT)).isEqualTo("warning: Sorry, you are not allowed to do that.");

        bot.type("/login carol");
        String audit = bot.send("/vdi audit user=alice");
        bot.awaitIn(audit, "alice +console +accepted +" + task + " +/vdi vm create audit-01 template=rhel9-desktop"
                + " at=\\+1h", WAIT);
        assertThat(bot.thread(audit))
                .anyMatch(l -> l.matches(".*alice +console +denied +/vdi audit$"))
                .anyMatch(l -> l.matches(".*alice +console +invalid +/vdi vm create audit-02$"))
                .anyMatch(l -> l.matches(".*alice +console +refused +/vdi vm create par-build-01 .*"))
                .anyMatch(l -> l.matches(".*alice +console +allowed +/vdi tasks mine$"))
                .anyMatch(l -> l.contains("init=<script, 15 characters>"))
                .noneMatch(l -> l.contains("hunter2"));

        String byTask = bot.send("/vdi audit task=" + task);
        bot.awaitIn(byTask, "accepted +" + task, WAIT);
    }
}
