package io.vdibot.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.vdibot.adapters.teams.testing.FakeBotFramework;
import io.vdibot.adapters.teams.testing.TeamsRig;
import io.vdibot.adapters.teams.testing.TokenMinter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can fail the Bot Framework's token rules is refused before anything runs: the core receives
 * nothing and the bot calls nothing in Teams. Tokens are signed with the test's own keys, published through the fake
 * OpenID metadata and key set.
 */
class TeamsTokenValidationTest {

    private static TeamsRig rig;
    private static final TokenMinter UNPUBLISHED = new TokenMinter("key-1", List.of("msteams"));
    private static final TokenMinter NOT_FOR_TEAMS = new TokenMinter("key-2", List.of("skype", "webchat"));
    private static final TokenMinter NO_ENDORSEMENTS = new TokenMinter("key-3", List.of());

    @BeforeAll
    static void start() throws Exception {
        rig = new TeamsRig();
        rig.bf.publish(NOT_FOR_TEAMS);
        rig.bf.publish(NO_ENDORSEMENTS);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @BeforeEach
    void reset() {
        rig.submitted.clear();
        rig.bf.resetCalls();
    }

    private String activity() {
        return rig.activities.personal(TeamsRig.ALICE, "a:alice-chat", "sites").toString();
    }

    private String token(Consumer<JWTCreator.Builder> tweak) {
        return "Bearer " + rig.minter.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl(), tweak);
    }

    private void refused(String authorization, int status) throws Exception {
        HttpResponse<String> response = rig.server.post(activity(), authorization);
        assertThat(response.statusCode()).isEqualTo(status);
        rig.idle();
        Thread.sleep(100);
        assertThat(rig.submitted).as("nothing reaches the core").isEmpty();
        assertThat(rig.bf.connectorCalls()).as("nothing is sent to Teams").isEmpty();
    }

    @Test
    void aValidTokenIsAccepted() throws Exception {
        HttpResponse<String> response = rig.server.post(activity(), token(b -> { }));
        assertThat(response.statusCode()).isEqualTo(200);
        rig.idle();
        assertThat(rig.submitted).hasSize(1);
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        refused(null, 401);
    }

    @Test
    void aTokenThatIsNotBearerOrNotAJwtIsUnauthorized() throws Exception {
        refused("Basic dXNlcjpwYXNz", 401);
        refused("Bearer not.a.jwt", 401);
    }

    @Test
    void aWrongIssuerIsRefused() throws Exception {
        refused(token(b -> b.withIssuer("https://sts.windows.net/evil/")), 403);
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        refused(token(b -> b.withAudience("some-other-bot")), 403);
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        // same key id as the published key, different private key
        refused("Bearer " + UNPUBLISHED.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl()), 403);
    }

    @Test
    void aTokenSignedWithAnUnknownKeyOrAnotherAlgorithmIsRefused() throws Exception {
        TokenMinter stranger = new TokenMinter("key-unknown", List.of("msteams"));
        refused("Bearer " + stranger.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl()), 403);
        String hmac = com.auth0.jwt.JWT.create().withKeyId("key-1").withIssuer(TokenMinter.ISSUER)
                .withAudience(FakeBotFramework.APP_ID).withClaim("serviceurl", rig.bf.serviceUrl())
                .withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256("guessable"));
        refused("Bearer " + hmac, 403);
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheFiveMinuteSkew() throws Exception {
        refused(token(b -> b.withExpiresAt(Instant.now().minus(Duration.ofMinutes(6)))
                .withNotBefore(Instant.now().minus(Duration.ofHours(1)))
                .withIssuedAt(Instant.now().minus(Duration.ofHours(1)))), 403);
        HttpResponse<String> withinSkew = rig.server.post(activity(),
                token(b -> b.withExpiresAt(Instant.now().minus(Duration.ofMinutes(2)))));
        assertThat(withinSkew.statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        refused(token(b -> b.withNotBefore(Instant.now().plus(Duration.ofMinutes(20)))), 403);
    }

    @Test
    void aServiceUrlOtherThanTheTokensIsRefused() throws Exception {
        refused(token(b -> b.withClaim("serviceurl", "https://smba.attacker.example/teams/")), 403);
        refused(token(b -> b.withClaim("serviceurl", (String) null)), 403);
    }

    @Test
    void aKeyThatDoesNotEndorseTeamsIsRefused() throws Exception {
        refused("Bearer " + NOT_FOR_TEAMS.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl()), 403);
        refused("Bearer " + NO_ENDORSEMENTS.mint(FakeBotFramework.APP_ID, rig.bf.serviceUrl()), 403);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        refused(token(b -> b.withExpiresAt((Instant) null)), 403);
    }
}
