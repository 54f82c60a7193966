package io.vdibot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vdibot.adapters.common.ChatMeters;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each Web API call is timed with its outcome, and a 429's Retry-After wait is counted as a rate-limit wait. */
class SlackApiMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WireMockServer web;
    private SlackApi api;

    @BeforeEach
    void start() {
        web = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        web.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + web.port() + "/api/");
        api = new SlackApi(Slack.getInstance(config), "xoxb-test", new ChatMeters(meters, "slack"));
    }

    @AfterEach
    void stop() {
        web.stop();
    }

    @Test
    void callsAreTimedByMethodAndOutcomeAndRateLimitWaitsAreCounted() {
        assertThat(meters.get("vdibot.chat.ratelimit.waits").tag("platform", "slack").timer().count())
                .as("there from the start: no waits reads as 0").isZero();
        web.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("allowed")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        web.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.000100\"}")));
        web.stubFor(post(urlEqualTo("/api/chat.update"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"message_not_found\"}")));

        api.postMessage("C1", null, "hello", List.of());
        assertThatThrownBy(() -> api.update("C1", "1.000100", "edited", List.of()))
                .isInstanceOf(SlackCallException.class);

        assertThat(calls("chat.postMessage", ChatMeters.RATE_LIMITED)).isEqualTo(1);
        assertThat(calls("chat.postMessage", ChatMeters.OK)).isEqualTo(1);
        assertThat(calls("chat.update", ChatMeters.ERROR)).isEqualTo(1);
        var waits = meters.get("vdibot.chat.ratelimit.waits").tag("platform", "slack").timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(1);
    }

    private long calls(String method, String outcome) {
        return meters.get("vdibot.chat.calls").tags("platform", "slack", "method", method, "outcome", outcome)
                .timer().count();
    }
}
