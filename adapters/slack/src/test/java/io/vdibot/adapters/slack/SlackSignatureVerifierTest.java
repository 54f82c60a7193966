package io.vdibot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {

    // the example of Slack's "Verifying requests from Slack" guide
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
            + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&"
            + "text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
            + "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1531420618 + 30), ZoneOffset.UTC);
    private final SlackSignatureVerifier verifier = new SlackSignatureVerifier(SECRET, clock);

    @Test
    void slacksOwnExampleIsValid() {
        assertThat(SlackSignatureVerifier.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(verifier.verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(SlackSignatureVerifier.Verdict.VALID);
    }

    @Test
    void aChangedBodyOrSecretOrSignatureIsRefused() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("roadrunner", "coyote")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(TIMESTAMP, SIGNATURE, changed))
                .isEqualTo(SlackSignatureVerifier.Verdict.BAD_SIGNATURE);
        assertThat(new SlackSignatureVerifier("another-secret", clock).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(TIMESTAMP, SIGNATURE.substring(0, SIGNATURE.length() - 1) + "4", BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(TIMESTAMP, "v1=" + SIGNATURE.substring(3), BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.BAD_SIGNATURE);
    }

    @Test
    void aTimestampOutsideFiveMinutesIsExpiredEitherWay() {
        Clock late = Clock.fixed(Instant.ofEpochSecond(1531420618 + 301), ZoneOffset.UTC);
        Clock early = Clock.fixed(Instant.ofEpochSecond(1531420618 - 301), ZoneOffset.UTC);
        Clock edge = Clock.fixed(Instant.ofEpochSecond(1531420618 + 300), ZoneOffset.UTC);
        assertThat(new SlackSignatureVerifier(SECRET, late).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.EXPIRED);
        assertThat(new SlackSignatureVerifier(SECRET, early).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.EXPIRED);
        assertThat(new SlackSignatureVerifier(SECRET, edge).verify(TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.VALID);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(verifier.verify(null, SIGNATURE, BODY)).isEqualTo(SlackSignatureVerifier.Verdict.MISSING_HEADERS);
        assertThat(verifier.verify(TIMESTAMP, null, BODY)).isEqualTo(SlackSignatureVerifier.Verdict.MISSING_HEADERS);
        assertThat(verifier.verify(" ", SIGNATURE, BODY)).isEqualTo(SlackSignatureVerifier.Verdict.MISSING_HEADERS);
        assertThat(verifier.verify("yesterday", SIGNATURE, BODY))
                .isEqualTo(SlackSignatureVerifier.Verdict.MALFORMED_TIMESTAMP);
    }
}
