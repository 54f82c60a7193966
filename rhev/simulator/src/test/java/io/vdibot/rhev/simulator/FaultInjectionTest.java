package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.types.VmStatus;

/**
 * Injected faults, set at start-up and through the admin endpoint: latency (on the wall clock),
 * 503s, dropped connections, error rates and a whole site going down.
 */
class FaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class FromConfiguration {

        private SimulatorFixture fixture;

        @AfterEach
        void stop() {
            fixture.close();
        }

        @Test
        void latencyDelaysEveryMatchingCallOfThatSiteOnly() {
            FaultPlan.Settings slow = new FaultPlan.Settings();
            slow.latencyMs = 400;
            slow.pathPattern = "^/clusters";
            fixture = SimulatorFixture.start(b -> b.faults("dc1", slow));
            Connection dc1 = fixture.connect("dc1");
            dc1.systemService().get().send();

            assertThat(millis(() -> dc1.systemService().clustersService().list().send())).isGreaterThanOrEqualTo(400);
            assertThat(fixture.simulator().site("dc2").faults().settings().latencyMs).isZero();
        }

        @Test
        void failNextFromConfigurationHitsOnlyMatchingPaths() {
            FaultPlan.Settings flaky = new FaultPlan.Settings();
            flaky.failNext = 1;
            flaky.pathPattern = "^/vms";
            fixture = SimulatorFixture.start(b -> b.faults("dc2", flaky));
            Connection dc2 = fixture.connect("dc2");

            assertThat(dc2.systemService().clustersService().list().send().clusters()).isNotEmpty();
            assertThatThrownBy(() -> dc2.systemService().vmsService().list().send())
                    .hasMessageContaining("HTTP response code is \"503\"");
            assertThat(dc2.systemService().vmsService().list().send().vms()).isNotEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThroughTheAdminEndpoint {

        private SimulatorFixture fixture;
        private Connection dc1;
        private HttpClient http;

        @BeforeAll
        void start() {
            fixture = SimulatorFixture.start();
            dc1 = fixture.connect("dc1");
            http = RawApi.client(RawApi.sslContext(fixture.trustStore()));
        }

        @AfterAll
        void stop() {
            fixture.close();
        }

        @AfterEach
        void clear() {
            assertThat(admin("dc1", "DELETE", null).statusCode()).isEqualTo(200);
            assertThat(admin("dc2", "DELETE", null).statusCode()).isEqualTo(200);
        }

        @Test
        void latencyIsAddedOnTheWallClock() {
            dc1.systemService().get().send();
            assertThat(admin("dc1", "PUT", "{\"latencyMs\": 500}").statusCode()).isEqualTo(200);
            assertThat(millis(() -> dc1.systemService().dataCentersService().list().send())).isGreaterThanOrEqualTo(500);
            admin("dc1", "DELETE", null);
            assertThat(millis(() -> dc1.systemService().dataCentersService().list().send())).isLessThan(500);
        }

        @Test
        void failNextAnswers503ThatManyTimes() throws Exception {
            HttpResponse<String> put = admin("dc1", "PUT", "{\"failNext\": 2}");
            assertThat(JSON.readTree(put.body()).get("failNext").asInt()).isEqualTo(2);

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> dc1.systemService().hostsService().list().send())
                        .hasMessageContaining("Fault reason is \"Service Unavailable\"")
                        .hasMessageContaining("HTTP response code is \"503\"");
            }
            assertThat(dc1.systemService().hostsService().list().send().hosts()).isNotEmpty();
            assertThat(JSON.readTree(admin("dc1", "GET", null).body()).get("failNext").asInt()).isZero();
        }

        @Test
        void resetNextDropsTheConnectionAndTheNextCallWorks() {
            String vmId = dc1.systemService().vmsService().list().search("name=par-win11-golden").send().vms()
                    .get(0).id();
            admin("dc1", "PUT", "{\"resetNext\": 1}");
            // a POST that was sent is not repeated by the SDK's HTTP client, so the caller sees the drop
            assertThatThrownBy(() -> dc1.systemService().vmsService().vmService(vmId).start().send())
                    .hasMessage("Failed to send request")
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOf(java.io.IOException.class));
            assertThat(dc1.systemService().vmsService().vmService(vmId).get().send().vm().status())
                    .as("the dropped request never reached the engine").isEqualTo(VmStatus.DOWN);
            assertThat(dc1.systemService().clustersService().list().send().clusters()).isNotEmpty();
        }

        @Test
        void theSdkRetriesAGetThreeTimesSoOnlyAFourthDropReachesTheCaller() throws Exception {
            admin("dc1", "PUT", "{\"resetNext\": 3}");
            assertThat(dc1.systemService().clustersService().list().send().clusters()).isNotEmpty();
            assertThat(JSON.readTree(admin("dc1", "GET", null).body()).get("resetNext").asInt()).isZero();

            admin("dc1", "PUT", "{\"resetNext\": 4}");
            assertThatThrownBy(() -> dc1.systemService().clustersService().list().send())
                    .hasMessage("Failed to send request");
            assertThat(dc1.systemService().clustersService().list().send().clusters()).isNotEmpty();
        }

        @Test
        void anErrorRateOfOneFailsEveryCall() {
            admin("dc1", "PUT", "{\"errorRate\": 1.0}");
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> dc1.systemService().clustersService().list().send())
                        .hasMessageContaining("HTTP response code is \"503\"");
            }
            admin("dc1", "DELETE", null);
            assertThat(dc1.systemService().clustersService().list().send().clusters()).isNotEmpty();
        }

        @Test
        void aSiteThatIsDownAnswersNeitherSsoNorApiWhileTheOtherSiteWorks() {
            Connection dc2 = fixture.connect("dc2");
            admin("dc1", "PUT", "{\"down\": true}");

            assertThatThrownBy(() -> dc1.systemService().clustersService().list().send())
                    .hasMessage("Failed to send request");
            assertThatThrownBy(() -> fixture.connect("dc1").systemService().get().send())
                    .hasMessage("Failed to send request");
            RawApi raw = RawApi.connect(fixture, "dc2");
            assertThatThrownBy(() -> RawApi.send(http, HttpRequest.newBuilder(
                    URI.create(fixture.url("dc1").replace("/api", "/services/pki-resource?resource=ca-certificate")))
                    .GET().build())).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(dc2.systemService().clustersService().list().send().clusters()).isNotEmpty();
            assertThat(raw.get("clusters").statusCode()).isEqualTo(200);
            assertThat(admin("dc1", "GET", null).body()).contains("\"down\":true");

            assertThat(admin("dc1", "DELETE", null).statusCode()).isEqualTo(200);
            assertThat(dc1.systemService().clustersService().list().send().clusters()).isNotEmpty();
            assertThat(fixture.connect("dc1").systemService().get().send().api()).isNotNull();
        }

        @Test
        void badSettingsAreRefusedAndLeaveTheFaultsAsTheyWere() throws Exception {
            admin("dc1", "PUT", "{\"latencyMs\": 5}");

            HttpResponse<String> unknownField = admin("dc1", "PUT", "{\"latency\": 500}");
            assertThat(unknownField.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(unknownField.body()).get("error").asText()).contains("latency");
            assertThat(admin("dc1", "PUT", "{\"errorRate\": 2}").statusCode()).isEqualTo(400);
            assertThat(admin("dc1", "PUT", "{\"failNext\": -1}").statusCode()).isEqualTo(400);
            assertThat(admin("dc1", "PUT", "{not json").statusCode()).isEqualTo(400);
            assertThat(admin("dc1", "PUT", "{\"noIpVmPattern\": \"(\"}").statusCode()).isEqualTo(400);
            assertThat(admin("dc9", "PUT", "{}").statusCode()).isEqualTo(404);

            JsonNode current = JSON.readTree(admin("dc1", "GET", null).body());
            assertThat(current.get("latencyMs").asLong()).isEqualTo(5);
        }

        @Test
        void theSiteListShowsEverySiteWithItsUrlAndFaults() throws Exception {
            admin("dc2", "PUT", "{\"failNext\": 3}");
            HttpResponse<String> sites = RawApi.send(http, HttpRequest.newBuilder(
                    URI.create(fixture.url("dc1").replace("/ovirt-engine/api", "/simulator/admin/sites"))).GET().build());
            JsonNode list = JSON.readTree(sites.body());
            assertThat(list).hasSize(2);
            assertThat(list.get(1).get("name").asText()).isEqualTo("dc2");
            assertThat(list.get(1).get("apiUrl").asText()).isEqualTo(fixture.url("dc2"));
            assertThat(list.get(1).get("faults").get("failNext").asInt()).isEqualTo(3);
        }

        private HttpResponse<String> admin(String site, String method, String json) {
            // any site's listener serves the admin endpoint; use dc2's so that a down dc1 can be reached too
            URI uri = URI.create(fixture.url("dc2").replace("/ovirt-engine/api", "/simulator/admin/sites/" + site
                    + "/faults"));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            return RawApi.send(http, request.build());
        }
    }

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
