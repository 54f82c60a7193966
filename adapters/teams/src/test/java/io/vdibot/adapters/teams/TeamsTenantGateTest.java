package io.vdibot.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TeamsRig;
import io.vdibot.adapters.teams.testing.TokenMinter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A valid token proves the Bot Framework sent an activity; the bot still serves only Microsoft Teams and only the
 * configured tenants. Whatever else arrives is answered 200 (so it is not resent), runs nothing and sends nothing;
 * a card click gets its one line in the invoke answer.
 */
class TeamsTenantGateTest {

    private static final String ELSEWHERE = "0badc0de-0000-4000-8000-000000000bad";
    private TeamsRig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private void nothingRan() throws InterruptedException {
        rig.idle();
        Thread.sleep(100);
        assertThat(rig.submitted).as("nothing reaches the core").isEmpty();
        assertThat(rig.bf.connectorCalls()).as("nothing is asked of or sent to Teams").isEmpty();
    }

    @Test
    void aMessageFromAnotherTenantGets200AndNothingRuns() throws Exception {
        rig = new TeamsRig();
        ObjectNode message = Activities.inTenant(rig.activities.personal(TeamsRig.ALICE, "a:alice-chat",
                "vm create evil-01 template=rhel9"), ELSEWHERE);

        HttpResponse<String> response = rig.send(message);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        nothingRan();
    }

    @Test
    void aCardClickFromAnotherTenantIsAnsweredInOneLineAndNothingRuns() throws Exception {
        rig = new TeamsRig();
        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("vdibot", "form");
        data.put("form", "vm.create");
        data.put("name", "evil-02");
        ObjectNode click = Activities.inTenant(rig.activities.invoke(TeamsRig.ALICE, "a:alice-chat", "personal",
                "act-1", "form.submit", data), ELSEWHERE);

        HttpResponse<String> response = rig.send(click);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Activities.JSON.readTree(response.body());
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(answer.path("value").asText()).isEqualTo("Sorry, this bot serves only its own organisation in "
                + "Microsoft Teams; requests from this one are not accepted.");
        nothingRan();
    }

    @Test
    void anInstallInAnotherTenantLeavesNoConversationReference() throws Exception {
        rig = new TeamsRig();
        rig.send(Activities.inTenant(rig.activities.installed(TeamsRig.ERIN, "a:erin-chat", "personal", null),
                ELSEWHERE));

        nothingRan();
        assertThat(rig.references.all()).as("no proactive message will ever go there").isEmpty();
    }

    @Test
    void tenantsThatDisagreeOrAreMissingAreRefused() throws Exception {
        rig = new TeamsRig();
        ObjectNode disagreeing = rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites");
        ((ObjectNode) disagreeing.get("conversation")).put("tenantId", ELSEWHERE);
        assertThat(rig.send(disagreeing).statusCode()).isEqualTo(200);

        ObjectNode missing = rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites");
        ((ObjectNode) missing.get("conversation")).remove("tenantId");
        ((ObjectNode) missing.get("channelData")).remove("tenant");
        assertThat(rig.send(missing).statusCode()).isEqualTo(200);

        nothingRan();
    }

    @Test
    void eitherPlaceNamingTheTenantIsEnoughAndCaseDoesNotMatter() throws Exception {
        rig = new TeamsRig();
        ObjectNode onlyConversation = rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites");
        ((ObjectNode) onlyConversation.get("channelData")).remove("tenant");
        ((ObjectNode) onlyConversation.get("conversation")).put("tenantId", Activities.TENANT.toUpperCase(Locale.ROOT));
        rig.send(onlyConversation);
        rig.idle();

        assertThat(rig.submitted).hasSize(1);
    }

    @Test
    void anotherChannelIsRefusedEvenWithAValidTokenForIt() throws Exception {
        rig = new TeamsRig();
        // the Bot Framework's keys endorse several channels; this one signs for Web Chat as well as Teams
        TokenMinter webChatToo = new TokenMinter("key-web", List.of("msteams", "webchat"));
        rig.bf.publish(webChatToo);
        String token = "Bearer " + webChatToo.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl());
        ObjectNode fromWebChat = rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "vm create web-01");
        fromWebChat.put("channelId", "webchat");

        HttpResponse<String> refused = rig.server.post(fromWebChat.toString(), token);

        assertThat(refused.statusCode()).isEqualTo(200);
        nothingRan();

        ObjectNode fromTeams = rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites");
        assertThat(rig.server.post(fromTeams.toString(), token).statusCode()).isEqualTo(200);
        rig.idle();
        assertThat(rig.submitted).as("the same key's token is fine for Teams").hasSize(1);
    }

    @Test
    void aDemoServesEveryTenantButStillOnlyTeams() throws Exception {
        rig = new TeamsRig(TokenMinter.ISSUER, null, Set.of());
        // published before the first activity: the bot fetches keys again for an unknown one only every 5 minutes
        TokenMinter emulatorKey = new TokenMinter("key-emu", List.of("emulator"));
        rig.bf.publish(emulatorKey);
        rig.send(Activities.inTenant(rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites"), ELSEWHERE));
        rig.idle();
        assertThat(rig.submitted).hasSize(1);

        rig.submitted.clear();
        ObjectNode emulator = rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites");
        emulator.put("channelId", "emulator");
        HttpResponse<String> refused = rig.server.post(emulator.toString(), "Bearer " + emulatorKey.mint(
                FakeBotFramework.APP_ID, rig.bf.serviceUrl()));
        assertThat(refused.statusCode()).as("the token is good; the channel is not").isEqualTo(200);
        rig.idle();
        assertThat(rig.submitted).isEmpty();
    }

    @Test
    void productionModeNeedsTheTenantsNamed() throws Exception {
        rig = new TeamsRig(TokenMinter.ISSUER, null, Set.of(" " + Activities.TENANT.toUpperCase(Locale.ROOT), " "));
        assertThat(rig.adapter.settings().allowedTenantIds()).containsExactly(Activities.TENANT);
        assertThat(rig.adapter.settings().productionProblems()).isEmpty();

        TeamsSettings open = new TeamsSettings("app", "secret", null, null, null, null, null, null, null, null, null,
                0, null, null, null, null);
        assertThat(open.productionProblems()).singleElement().asString()
                .startsWith("vdibot.teams.allowed-tenant-ids is required in production mode").doesNotContain("\n");
        assertThat(open.tokenIssuer()).isEqualTo("https://api.botframework.com");
        assertThat(open.oauthScope()).isEqualTo("https://api.botframework.com/.default");
        assertThat(open.openIdMetadataUrl())
                .isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
    }
}
