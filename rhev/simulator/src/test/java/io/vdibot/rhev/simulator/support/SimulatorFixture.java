package io.vdibot.rhev.simulator.support;

import io.vdibot.rhev.simulator.Simulator;
import io.vdibot.rhev.simulator.clock.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.ConnectionBuilder;

/**
 * A running simulator on a manual clock and SDK connections to it over HTTPS, trusting the
 * simulator's CA exactly as a client of a real engine would (a trust store holding the engine CA).
 */
public final class SimulatorFixture implements AutoCloseable {

    public static final String PASSWORD = "vdibot";
    private static final String TRUST_PASSWORD = "changeit";

    private final Simulator simulator;
    private final ManualClock clock;
    private final Path trustStore;
    private final List<Connection> connections = new ArrayList<>();

    private SimulatorFixture(Simulator simulator, ManualClock clock, Path trustStore) {
        this.simulator = simulator;
        this.clock = clock;
        this.trustStore = trustStore;
    }

    /** Two sites on free ports, a manual clock, the built-in estate. */
    public static SimulatorFixture start() {
        return start(b -> b);
    }

    public static SimulatorFixture start(UnaryOperator<Simulator.Builder> options) {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
        Simulator simulator = options.apply(Simulator.builder().sites(2).basePort(0).password(PASSWORD)
                .clock(clock)).start();
        return new SimulatorFixture(simulator, clock, writeTrustStore(simulator.caCertificatePem()));
    }

    public Simulator simulator() {
        return simulator;
    }

    public ManualClock clock() {
        return clock;
    }

    /** Moves engine time on; due state changes apply on the next API call. */
    public void advance(Duration by) {
        clock.advance(by);
    }

    public String url(String site) {
        return simulator.site(site).apiUrl();
    }

    public Path trustStore() {
        return trustStore;
    }

    public Connection connect(String site) {
        return connect(site, PASSWORD);
    }

    public Connection connect(String site, String password) {
        Connection connection = ConnectionBuilder.connection().url(url(site)).user("admin@internal")
                .password(password).trustStoreFile(trustStore.toString()).trustStorePassword(TRUST_PASSWORD)
                .timeout(30).build();
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // a connection whose site was taken down cannot revoke its token; nothing to clean up
            }
        }
        simulator.close();
        try {
            Files.deleteIfExists(trustStore);
        } catch (IOException ignored) {
            // temporary file
        }
    }

    private static Path writeTrustStore(String caPem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("engine-ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
            Path file = Files.createTempFile("engine-ca", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, TRUST_PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
