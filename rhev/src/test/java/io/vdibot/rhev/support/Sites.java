package io.vdibot.rhev.support;

import io.vdibot.rhev.connect.ConnectionSettings;
import io.vdibot.rhev.connect.EngineConnections;
import io.vdibot.rhev.connect.SiteConfig;
import io.vdibot.rhev.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A running simulator and the site configuration a deployment would write for it (CA PEM in a file). */
public final class Sites implements AutoCloseable {

    public static final String USER = "admin@internal";
    public static final String PASSWORD = "vdibot";
    public static final ConnectionSettings FAST = new ConnectionSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(10), 4);

    private final Simulator simulator;
    private final Path caFile;
    private final List<EngineConnections> opened = new ArrayList<>();

    private Sites(Simulator simulator, Path caFile) {
        this.simulator = simulator;
        this.caFile = caFile;
    }

    /** Two sites on free ports, engine time running 100 times faster than real time. */
    public static Sites start() {
        return start(Simulator.builder().sites(2).basePort(0).timeScale(0.01));
    }

    public static Sites start(Simulator.Builder builder) {
        Simulator simulator = builder.start();
        return new Sites(simulator, writePem(simulator.caCertificatePem()));
    }

    public static Path writePem(String pem) {
        try {
            Path file = Files.createTempFile("engine-ca", ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Simulator simulator() {
        return simulator;
    }

    public Path caFile() {
        return caFile;
    }

    public SiteConfig config(String site) {
        return new SiteConfig(site, simulator.site(site).apiUrl(), caFile, USER, PASSWORD);
    }

    /** Connections to every simulated site, closed with this fixture. */
    public EngineConnections connections() {
        List<SiteConfig> configs = simulator.sites().stream().map(s -> config(s.name())).toList();
        return track(new EngineConnections(configs, FAST));
    }

    public EngineConnections track(EngineConnections connections) {
        opened.add(connections);
        return connections;
    }

    @Override
    public void close() {
        opened.forEach(EngineConnections::close);
        simulator.close();
        try {
            Files.deleteIfExists(caFile);
        } catch (IOException ignored) {
            // temp file, also marked deleteOnExit
        }
    }
}
