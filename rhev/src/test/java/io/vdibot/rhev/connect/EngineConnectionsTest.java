package io.vdibot.rhev.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.simulator.tls.CertificateAuthority;
import io.vdibot.rhev.support.Faults;
import io.vdibot.rhev.support.Sites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;

class EngineConnectionsTest {

    private static Sites sites;

    @BeforeAll
    static void startEngines() {
        sites = Sites.start();
    }

    @AfterAll
    static void stopEngines() {
        sites.close();
    }

    @AfterEach
    void clearFaults() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
    }

    private static EngineCalls calls(EngineConnections connections) {
        return new EngineCalls(connections, new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)),
                d -> Thread.sleep(d.toMillis()));
    }

    @Test
    void talksToTheEngineOverTlsTrustingTheConfiguredCa() {
        EngineConnections connections = sites.connections();

        String product = calls(connections).call("dc1", "read the entry point",
                c -> c.systemService().get().send().api().productInfo().name());

        assertThat(product).isNotBlank();
    }

    @Test
    void anEngineWhoseCertificateTheCaDidNotSignFailsTheHandshakeWithoutRetries() {
        Path otherCa = Sites.writePem(CertificateAuthority.create().certificatePem());
        EngineConnections connections = sites.track(new EngineConnections(List.of(
                new SiteConfig("dc1", sites.simulator().site("dc1").apiUrl(), otherCa, Sites.USER, Sites.PASSWORD)),
                Sites.FAST));

        assertThatThrownBy(() -> calls(connections).call("dc1", "read the entry point",
                c -> c.systemService().get().send()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.TLS);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.engineText()).containsIgnoringCase("signature");
                });
    }

    @Test
    void aWrongPasswordIsReportedAsTheEngineSaysIt() {
        EngineConnections connections = sites.track(new EngineConnections(List.of(
                new SiteConfig("dc1", sites.simulator().site("dc1").apiUrl(), sites.caFile(), Sites.USER, "nope")),
                Sites.FAST));

        assertThatThrownBy(() -> calls(connections).call("dc1", "read the entry point",
                c -> c.systemService().get().send()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.AUTHENTICATION);
                    assertThat(e.reason()).isEqualTo("access_denied");
                    assertThat(e.engineText())
                            .isEqualTo("Cannot authenticate user 'admin@internal': The username or password is incorrect..");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).doesNotContain("nope");
                });
    }

    @Test
    void aBrokenConnectionIsReplacedByAFreshOne() {
        EngineConnections connections = sites.connections();
        Connection first = connections.connection("dc1");
        assertThat(connections.connection("dc1")).isSameAs(first);
        sites.simulator().site("dc1").faults().apply(Faults.resetNext(1));

        int clusters = calls(connections).call("dc1", "list clusters",
                c -> c.systemService().clustersService().list().send().clusters().size());

        assertThat(clusters).isEqualTo(3);
        assertThat(connections.connection("dc1")).isNotSameAs(first);
    }

    @Test
    void theDefaultSiteIsTheFirstConfiguredOne() {
        EngineConnections connections = new EngineConnections(List.of(sites.config("dc2"), sites.config("dc1")));

        assertThat(connections.defaultSite()).isEqualTo("dc2");
        assertThat(connections.siteNames()).containsExactly("dc2", "dc1");
        assertThatThrownBy(() -> connections.connection("dc9")).isInstanceOf(NoSuchElementException.class);
        connections.close();
    }

    @Test
    void closingDeletesTheTemporaryTrustStoreAndRefusesFurtherUse() {
        EngineConnections connections = new EngineConnections(List.of(sites.config("dc1")), Sites.FAST);
        calls(connections).call("dc1", "read the entry point", c -> c.systemService().get().send());
        Path trustStore = connections.trustStoreFile("dc1").orElseThrow();
        assertThat(trustStore).exists();

        connections.close();

        assertThat(Files.exists(trustStore)).isFalse();
        assertThatThrownBy(() -> connections.connection("dc1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingCaFileIsAConfigurationProblemNamedAsSuch() {
        EngineConnections connections = sites.track(new EngineConnections(List.of(new SiteConfig("dc1",
                sites.simulator().site("dc1").apiUrl(), Path.of("no-such-ca.pem"), Sites.USER, Sites.PASSWORD))));

        assertThatThrownBy(() -> calls(connections).call("dc1", "read the entry point",
                c -> c.systemService().get().send()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.CONFIGURATION);
                    assertThat(e.engineText()).contains("no-such-ca.pem");
                });
    }

    @Test
    void theSiteConfigurationNeverShowsThePassword() {
        SiteConfig config = new SiteConfig("dc1", "https://engine.example/ovirt-engine/api", Path.of("ca.pem"),
                "admin@internal", "s3cret-Pa55");

        assertThat(config.toString()).doesNotContain("s3cret-Pa55").contains("admin@internal", "***");
        assertThatThrownBy(() -> new SiteConfig("dc1", "http://engine.example/ovirt-engine/api", Path.of("ca.pem"),
                "admin@internal", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }
}
