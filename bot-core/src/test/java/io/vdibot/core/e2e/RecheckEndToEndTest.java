package io.vdibot.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authorization is asked again when a task starts: a requester taken out of the requesters' group after asking
 * (here while the request waited for an approver) does not get the task run, whatever the approver said; the
 * thread and on-call are told, and nothing changes on the engine.
 */
class RecheckEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RUN = Duration.ofSeconds(90);
    private static final String REQUESTERS = "cn=vdi-requesters,ou=groups,dc=vdibot,dc=example";
    private static final String ALICE = "uid=alice,ou=people,dc=vdibot,dc=example";
    private static BotHarness bot;

    @BeforeAll
    static void start() {
        bot = BotHarness.start(Map.of("vdibot.approval.commands", "vm.create,template.migrate,pool.delete"));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aRequesterWhoLostTheGroupBeforeTheTaskStartsGetsNothingRun() throws Exception {
        bot.type("/login alice");
        bot.type("/vdi vm create recheck-01 template=rhel9-desktop");
        String task = bot.awaitTask("recheck-01", WAIT);
        bot.awaitIn(task, "waiting for an approver", WAIT);

        membership(ModificationType.DELETE);
        try {
            bot.type("/login bob");
            bot.type("/vdi approve " + task);
            bot.awaitIn(task, "^error: Task " + task + " was not run: Alice Martin no longer holds the permission"
                    + " vdi:vm:create it needs\\. Nothing was changed\\.$", RUN);
            assertThat(bot.task(task).status()).isEqualTo(TaskStatus.REFUSED);
            bot.await("\\[on-call\\] warning: Task " + task + " was not run: Alice Martin no longer holds", WAIT);
            assertThat(bot.vmsNamed("dc1", "recheck-01")).isZero();
            assertThat(bot.thread(task)).noneMatch(l -> l.contains("has started"));
        } finally {
            membership(ModificationType.ADD);
        }
    }

    private static void membership(ModificationType change) throws Exception {
        EmbeddedLdapServer server = bot.bean(EmbeddedLdapServer.class);
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", server.port())) {
            connection.modify(REQUESTERS, new Modification(change, "member", ALICE));
        }
    }
}
