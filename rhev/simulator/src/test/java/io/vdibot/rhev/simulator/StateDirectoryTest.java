package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.clock.ManualClock;
import io.vdibot.rhev.simulator.support.RawApi;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.ConnectionBuilder;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.SnapshotBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.services.SnapshotsService;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.services.VmsService;
import org.ovirt.engine.sdk4.types.Snapshot;
import org.ovirt.engine.sdk4.types.SnapshotStatus;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** A simulator started on the same state directory again finds its estate, its CA and its unfinished work. */
class StateDirectoryTest {

    @TempDir
    Path stateDir;
    @TempDir
    Path clientDir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));

    @Test
    void aRestartKeepsTheVmsTheCaAndThePendingTransitions() throws Exception {
        Path trustStore;
        String createdId;
        String startedId;
        String caBefore;
        try (Simulator first = start()) {
            caBefore = first.caCertificatePem();
            trustStore = trustStore(caBefore);
            try (Connection dc1 = connect(first, trustStore)) {
                VmsService vms = dc1.systemService().vmsService();
                Vm created = vms.add().vm(new VmBuilder().name("persist-01")
                        .cluster(new ClusterBuilder().name("Linux-Desktops"))
                        .template(new TemplateBuilder().name("rhel9-desktop"))).send().vm();
                assertThat(created.status()).isEqualTo(VmStatus.IMAGE_LOCKED);
                createdId = created.id();
                startedId = vms.list().search("name=par-win11-golden").send().vms().get(0).id();
                vms.vmService(startedId).start().send();
                assertThat(vms.vmService(startedId).get().send().vm().status()).isEqualTo(VmStatus.WAIT_FOR_LAUNCH);
            }
        }
        assertThat(stateDir.resolve("site-dc1.json")).isRegularFile();
        assertThat(stateDir.resolve("site-dc2.json")).isRegularFile();

        clock.advance(Duration.ofMinutes(1));

        try (Simulator second = start()) {
            assertThat(second.caCertificatePem()).isEqualTo(caBefore);
            try (Connection dc1 = connect(second, trustStore)) {
                VmsService vms = dc1.systemService().vmsService();
                Vm restored = vms.vmService(createdId).get().send().vm();
                assertThat(restored.name()).isEqualTo("persist-01");
                assertThat(restored.status()).as("disk creation finished while the simulator was away")
                        .isEqualTo(VmStatus.DOWN);
                assertThat(vms.vmService(startedId).get().send().vm().status()).isEqualTo(VmStatus.UP);
                assertThat(vms.vmService(startedId).reportedDevicesService().list().send().reportedDevice())
                        .hasSize(1);
                assertThat(dc1.systemService().eventsService().list().search("message=*persist-01*").send().events())
                        .extracting(e -> e.codeAsInteger()).containsExactly(53, 34);
            }
            assertThat(RawApi.connect(second.site("dc2").apiUrl(), trustStore, "vdibot").get("vms").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void snapshotsAndASnapshotBeingTakenSurviveARestart() throws Exception {
        Path trustStore;
        String vmId;
        String takenId;
        String activeId;
        try (Simulator first = start()) {
            trustStore = trustStore(first.caCertificatePem());
            try (Connection dc1 = connect(first, trustStore)) {
                VmsService vms = dc1.systemService().vmsService();
                vmId = vms.list().search("name=par-win11-golden").send().vms().get(0).id();
                SnapshotsService snapshots = vms.vmService(vmId).snapshotsService();
                activeId = snapshots.list().send().snapshots().get(0).id();
                takenId = snapshots.add().snapshot(new SnapshotBuilder().description("before restart")).send()
                        .snapshot().id();
                assertThat(vms.vmService(vmId).get().send().vm().status()).isEqualTo(VmStatus.IMAGE_LOCKED);
            }
        }
        clock.advance(Duration.ofMinutes(1));

        try (Simulator second = start(); Connection dc1 = connect(second, trustStore)) {
            VmService vm = dc1.systemService().vmsService().vmService(vmId);
            assertThat(vm.get().send().vm().status()).as("the snapshot was finished while the simulator was away")
                    .isEqualTo(VmStatus.DOWN);
            List<Snapshot> snapshots = vm.snapshotsService().list().send().snapshots();
            assertThat(snapshots).extracting(Snapshot::id).containsExactly(activeId, takenId);
            assertThat(snapshots.get(1).description()).isEqualTo("before restart");
            assertThat(snapshots.get(1).snapshotStatus()).isEqualTo(SnapshotStatus.OK);
        }
    }

    @Test
    void aFreshDirectoryIsSeededAndGeneratedVmsAreNotAddedTwice() throws Exception {
        int seeded;
        try (Simulator first = Simulator.builder().sites(1).basePort(0).clock(clock).stateDir(stateDir).scale(20)
                .start()) {
            seeded = first.site("dc1").engine().read(() -> first.site("dc1").engine().estate().vms.size());
        }
        try (Simulator second = Simulator.builder().sites(1).basePort(0).clock(clock).stateDir(stateDir).scale(20)
                .start()) {
            assertThat(second.site("dc1").engine().read(() -> second.site("dc1").engine().estate().vms.size()))
                    .isEqualTo(seeded);
        }
    }

    private Simulator start() {
        return Simulator.builder().sites(2).basePort(0).clock(clock).stateDir(stateDir).start();
    }

    private static Connection connect(Simulator simulator, Path trustStore) {
        return ConnectionBuilder.connection().url(simulator.site("dc1").apiUrl()).user("admin@internal")
                .password("vdibot").trustStoreFile(trustStore.toString()).trustStorePassword(RawApi.TRUST_PASSWORD)
                .build();
    }

    private Path trustStore(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("engine-ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        Path file = clientDir.resolve("engine-ca.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, RawApi.TRUST_PASSWORD.toCharArray());
        }
        return file;
    }
}
