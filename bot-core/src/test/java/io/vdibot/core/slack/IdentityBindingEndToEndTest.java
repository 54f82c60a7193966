package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.vdibot.commands.Platform;
import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import io.vdibot.persistence.identity.IdentityBinding;
import io.vdibot.persistence.identity.IdentityBindings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Slack account speaks for the directory entry it first matched. When its address later leads to another entry, it
 * is refused, on-call is told, and it speaks for the new entry only once an administrator re-binds it.
 */
class IdentityBindingEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEV = "C0DEV";
    private static final String ALICE = "uid=alice,ou=people,dc=vdibot,dc=example";
    private static final String BOB = "uid=bob,ou=people,dc=vdibot,dc=example";
    private static SlackHarness bot;
    private static SlackWebApi slack;

    @BeforeAll
    static void start() {
        // every directory answer fresh, so that the address moving between entries is seen at once
        bot = SlackHarness.start(Map.of("vdibot.directory.cache-ttl", "0s"));
        slack = bot.slack();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void anAddressThatMovesToAnotherEntryIsRefusedUntilAnAdministratorRebinds() throws Exception {
        bot.slash("U0ALICE", DEV, "sites", "first");
        assertThat(slack.awaitResponse("first", r -> true, WAIT).toString()).contains("dc1");
        IdentityBindings bindings = bot.bean(IdentityBindings.class);
        assertThat(bindings.find(Platform.SLACK, "U0ALICE")).map(IdentityBinding::directoryUid).contains("alice");

        // alice's address is given to bob's entry: whoever holds the Slack account now claims to be bob
        moveMail("alice@vdibot.example", ALICE, BOB);
        try {
            bot.slash("U0ALICE", DEV, "vm create moved-01 template=rhel9-desktop", "moved");
            JsonObject refusal = slack.awaitResponse("moved", r -> true, WAIT);
            assertThat(refusal.get("text").getAsString()).contains("speaks for directory user alice, but its e-mail"
                    + " address now points to bob");
            slack.await("chat.postMessage", c -> SlackHarness.ONCALL.equals(c.param("channel"))
                    && c.allText().contains("/vdi identity rebind slack U0ALICE"), WAIT);
            assertThat(bot.tasksNamed("moved-01")).isZero();

            bot.slash("U0CAROL", DEV, "identity rebind slack U0ALICE", "rebind");
            assertThat(slack.awaitResponse("rebind", r -> true, WAIT).toString())
                    .contains("no longer speaks for alice");
            bot.slash("U0ALICE", DEV, "sites", "after");
            assertThat(slack.awaitResponse("after", r -> true, WAIT).toString()).contains("dc1");
            assertThat(bindings.find(Platform.SLACK, "U0ALICE")).map(IdentityBinding::directoryUid).contains("bob");
        } finally {
            moveMail("alice@vdibot.example", BOB, ALICE);
            setMail(BOB, "bob@vdibot.example");
        }
    }

    @Test
    void onlyAdministratorsRebind() throws Exception {
        bot.slash("U0BOB", DEV, "identity rebind slack U0DAVE", "not-admin");
        assertThat(slack.awaitResponse("not-admin", r -> true, WAIT).toString()).contains("not allowed");
    }

    private static void moveMail(String mail, String from, String to) throws Exception {
        try (LDAPConnection connection = directory()) {
            connection.modify(from, new Modification(ModificationType.DELETE, "mail", mail));
            connection.modify(to, new Modification(ModificationType.REPLACE, "mail", mail));
        }
    }

    private static void setMail(String entry, String mail) throws Exception {
        try (LDAPConnection connection = directory()) {
            connection.modify(entry, new Modification(ModificationType.REPLACE, "mail", mail));
        }
    }

    private static LDAPConnection directory() throws Exception {
        return new LDAPConnection("127.0.0.1", bot.bean(EmbeddedLdapServer.class).port());
    }
}
