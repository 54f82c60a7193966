package io.vdibot.adapters.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vdibot.adapters.teams.testing.Activities;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TeamsRig;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bot in a sovereign cloud (here US Government's values) is configuration only: the channel service's tokens carry
 * that cloud's issuer, its keys come from the configured OpenID metadata, and the bot's own tokens are asked for with
 * that cloud's scope. A token from the public cloud's issuer is refused there.
 */
class TeamsSovereignCloudTest {

    private static final String GOV_ISSUER = "https://api.botframework.us";
    private static final String GOV_SCOPE = "https://api.botframework.us/.default";
    private TeamsRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new TeamsRig(GOV_ISSUER, GOV_SCOPE, Set.of(Activities.TENANT));
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private HttpResponse<String> send(String issuer, String text) throws Exception {
        String token = rig.minter.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl(), b -> b.withIssuer(issuer));
        return rig.server.post(rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", text).toString(),
                "Bearer " + token);
    }

    @Test
    void theConfiguredIssuerIsAcceptedAndTheBotAsksForItsTokensWithTheConfiguredScope() throws Exception {
        assertThat(send(GOV_ISSUER, "pool create").statusCode()).isEqualTo(200);
        TeamsRig.eventually(() -> !rig.bf.sentActivities().isEmpty());

        List<LoggedRequest> tokenRequests = rig.bf.server().findAll(postRequestedFor(
                urlEqualTo("/botframework.com/oauth2/v2.0/token")));
        assertThat(tokenRequests).isNotEmpty();
        assertThat(URLDecoder.decode(tokenRequests.get(0).getBodyAsString(), StandardCharsets.UTF_8))
                .contains("scope=" + GOV_SCOPE);
    }

    @Test
    void thePublicCloudsIssuerIsRefusedHere() throws Exception {
        assertThat(send("https://api.botframework.com", "sites").statusCode()).isEqualTo(403);
        rig.idle();
        assertThat(rig.submitted).isEmpty();
    }
}
