package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vdibot.rhev.simulator.clock.SimClock;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.ConnectionBuilder;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmPoolBuilder;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmPool;

/**
 * {@code --time-scale 0} makes every modelled duration zero. A periodic job (the pool monitor of a
 * pool with prestarted VMs) must still yield to the calls: every call answers and the simulator stops.
 */
class TimeScaleZeroTest {

    @TempDir
    Path dir;

    @Test
    void aPrestartedPoolAtTimeScaleZeroNeitherHangsCallsNorTheStop() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            SimulatorFixture fixture = SimulatorFixture.start(b -> b.sites(1).clock(SimClock.system()).timeScale(0));
            long stopping;
            try (Connection dc1 = fixture.connect("dc1")) {
                VmPool pool = createPrestartedPool(dc1);
                for (int i = 0; i < 20; i++) {
                    dc1.systemService().vmsService().list().search("pool=zero-pool").send();
                    Thread.sleep(5);
                }
                List<Vm> members = dc1.systemService().vmsService().list().search("pool=zero-pool").send().vms();
                assertThat(members).hasSize(4);
                // the monitor kept two prestarted VMs running, and only two
                assertThat(members.stream().filter(vm -> vm.status().value().equals("up"))).hasSize(2);
                assertThat(dc1.systemService().vmPoolsService().poolService(pool.id()).get().send().pool()
                        .prestartedVmsAsInteger()).isEqualTo(2);
            } finally {
                stopping = System.nanoTime();
                fixture.close();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
        });
    }

    /** The real process: SIGTERM ends it while a prestarted pool's monitor is due all the time. */
    @Test
    void theProcessAtTimeScaleZeroWithAPrestartedPoolEndsOnSigterm() throws Exception {
        Path ca = dir.resolve("ca.pem");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "--sites", "1", "--port", "0", "--time-scale", "0", "--ca-out", ca.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = out.readLine().split(" ")[1];
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (Connection dc1 = ConnectionBuilder.connection().url(url).user("admin@internal").password("vdibot")
                        .trustStoreFile(trustStore(Files.readString(ca)).toString()).trustStorePassword("changeit")
                        .build()) {
                    createPrestartedPool(dc1);
                    for (int i = 0; i < 10; i++) {
                        assertThat(dc1.systemService().vmsService().list().search("pool=zero-pool").send().vms())
                                .hasSize(4);
                    }
                }
            });
            process.toHandle().destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the process ended after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static VmPool createPrestartedPool(Connection connection) {
        return connection.systemService().vmPoolsService().add().pool(new VmPoolBuilder().name("zero-pool")
                .cluster(new ClusterBuilder().name("Linux-Desktops")).template(new TemplateBuilder().name("rhel9-desktop"))
                .size(4).prestartedVms(2)).send().pool();
    }

    private Path trustStore(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("engine-ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        Path file = Files.createTempFile(dir, "engine-ca", ".p12");
        try (OutputStream stream = Files.newOutputStream(file)) {
            store.store(stream, "changeit".toCharArray());
        }
        return file;
    }
}
