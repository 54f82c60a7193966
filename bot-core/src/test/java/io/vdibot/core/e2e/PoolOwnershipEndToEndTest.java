package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.persistence.ownership.ObjectOwners;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requesters change only the pools they own: the ones their own tasks created, or the ones an administrator handed
 * to a group they are in. Pools the bot did not create belong to administrators. Ownership is asked again when a
 * task starts.
 */
class PoolOwnershipEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static String refusalTo(String user, String line) {
        bot.type("/login " + user);
        String thread = bot.send(line);
        return bot.awaitIn(thread, "^warning: ", WAIT);
    }

    @Test
    void aPoolTheBotDidNotCreateBelongsToAdministratorsUntilOneNamesAGroup() {
        assertThat(refusalTo("alice", "/vdi pool update finance-win10 prestarted=1")).isEqualTo("warning: You can "
                + "change only pools you own. Pool finance-win10 at site dc1 was not created through the bot, so it "
                + "belongs to administrators until one of them names its owner group (/vdi pool owner).");
        assertThat(refusalTo("alice", "/vdi pool owner finance-win10 group=vdi-requesters"))
                .isEqualTo("warning: Sorry, you are not allowed to do that.");
        assertThat(refusalTo("carol", "/vdi pool owner finance-win10 group=no-such-group"))
                .isEqualTo("warning: There is no group no-such-group in the directory; name a group its members are "
                        + "in.");
        assertThat(refusalTo("carol", "/vdi pool owner no-such-pool group=vdi-requesters"))
                .isEqualTo("warning: There is no pool no-such-pool at site dc1.");
        assertThat(bot.tasksNamed("finance-win10")).isZero();

        bot.type("/login carol");
        bot.awaitIn(bot.send("/vdi pool owner finance-win10 group=vdi-approvers"), "^ok: Pool finance-win10 at site "
                + "dc1 now belongs to the members of group vdi-approvers, and to administrators\\.$", WAIT);
        assertThat(refusalTo("alice", "/vdi pool update finance-win10 prestarted=1")).isEqualTo("warning: You can "
                + "change only pools you own. Pool finance-win10 at site dc1 belongs to the members of group "
                + "vdi-approvers.");

        bot.type("/login bob");
        bot.type("/vdi pool update finance-win10 description=\"Finance desktops, Paris\"");
        String update = bot.awaitTask("finance-win10", WAIT);
        bot.awaitIn(update, "^ok: == Pool finance-win10 was updated ==$", RUN);
    }

    @Test
    void aPoolBelongsToTheRequesterWhoCreatedItAndToNobodyOnceDeleted() {
        bot.type("/login alice");
        bot.type("/vdi pool create own-?? template=rhel9-desktop size=2");
        String create = bot.awaitTask("own-??", WAIT);
        bot.awaitIn(create, "^ok: == Pool own-\\?\\? is ready ==$", RUN);
        assertThat(bot.bean(ObjectOwners.class).find("pool", "dc1", "own-??")).get()
                .satisfies(owner -> assertThat(owner.ownerUid()).isEqualTo("alice"))
                .satisfies(owner -> assertThat(owner.createdByTask()).isEqualTo(create));

        assertThat(refusalTo("bob", "/vdi pool resize own-?? size=3")).isEqualTo("warning: You can change only pools "
                + "you own. Pool own-?? at site dc1 belongs to alice, who created it.");

        bot.type("/login alice");
        bot.type("/vdi pool resize own-?? size=3");
        String grow = bot.awaitTask("own-??", 2, WAIT);
        bot.awaitIn(grow, "^ok: == Pool own-\\?\\? has 3 VMs ==$", RUN);

        bot.type("/vdi pool resize own-?? size=2");
        String shrink = bot.awaitTask("own-??", 3, WAIT);
        bot.awaitIn(shrink, "is waiting for an approver", WAIT);
        // the approvers' card says why it needs them
        bot.awaitIn(shrink, "^Why an approver: shrinks the pool from 3 to 2 VMs, removing 1$", WAIT);
        assertThat(bot.task(shrink).status()).isEqualTo(TaskStatus.PENDING_APPROVAL);

        bot.type("/vdi pool delete own-??");
        String delete = bot.awaitTask("own-??", 4, WAIT);
        bot.awaitIn(delete, "is waiting for an approver", WAIT);
        bot.type("/login bob");
        bot.type("/vdi approve " + delete);
        bot.awaitIn(delete, "^ok: == Pool own-\\?\\? was deleted ==$", RUN);
        assertThat(bot.bean(ObjectOwners.class).find("pool", "dc1", "own-??")).isEmpty();
    }

    @Test
    void aRequesterWhoNoLongerOwnsThePoolWhenTheTaskStartsGetsNothingRun() {
        bot.assignPoolOwner("eng-rhel9-??", "dc1", "vdi-requesters");
        bot.type("/login alice");
        bot.type("/vdi pool revoke eng-rhel9-?? group=engineering-desktops role=UserRole");
        String revoke = bot.awaitTask("eng-rhel9-??", WAIT);
        bot.awaitIn(revoke, "is waiting for an approver", WAIT);

        bot.type("/login carol");
        bot.awaitIn(bot.send("/vdi pool owner eng-rhel9-?? group=none"), "^ok: Pool eng-rhel9-\\?\\? at site dc1 now "
                + "belongs to administrators alone\\.$", WAIT);
        bot.type("/login bob");
        bot.type("/vdi approve " + revoke);
        bot.awaitIn(revoke, "^error: Task " + revoke + " was not run: Alice Martin no longer owns pool eng-rhel9-\\?\\? "
                + "at site dc1\\. Nothing was changed\\.$", RUN);
        assertThat(bot.task(revoke).status()).isEqualTo(TaskStatus.REFUSED);
        assertThat(bot.thread(revoke)).noneMatch(l -> l.contains("has started"));
    }
}
