package io.vdibot.rhev.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.clock.SimClock;
import io.vdibot.rhev.simulator.support.RawApi;
import io.vdibot.rhev.simulator.support.SimulatorFixture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VmStatus;

/** {@code Expect: 201-created} on VM creation: the engine waits for the disks and answers 201. */
class VmCreationBlockingTest {

    private static final String BODY = "<vm><name>%s</name><cluster><name>Linux-Desktops</name></cluster>"
            + "<template><name>rhel9-desktop</name></template></vm>";

    @Test
    void onARunningClockTheAnswerWaitsForTheDisksAndIs201WithALocation() {
        try (SimulatorFixture fixture = SimulatorFixture.start(b -> b.clock(SimClock.system()).timeScale(0.01))) {
            Connection dc1 = fixture.connect("dc1");
            Vm vm = dc1.systemService().vmsService().add().vm(new VmBuilder().name("blocking-01")
                    .cluster(new ClusterBuilder().name("Linux-Desktops"))
                    .template(new TemplateBuilder().name("rhel9-desktop")))
                    .header("Expect", "201-created").send().vm();
            assertThat(vm.status()).isEqualTo(VmStatus.DOWN);

            RawApi raw = RawApi.connect(fixture, "dc1");
            HttpResponse<String> created = raw.send(raw.request("vms").header("X-Ovirt-Expect", "201-created")
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, "blocking-02"))).build());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).get().asString()
                    .startsWith("/ovirt-engine/api/vms/");
            assertThat(created.body()).contains("<status>down</status>");

            HttpResponse<String> accepted = raw.post("vms", String.format(BODY, "blocking-03"));
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).contains("<status>image_locked</status>");
        }
    }

    @Test
    void onAStoppedClockTheAnswerIs202AtOnceInsteadOfWaitingForever() {
        try (SimulatorFixture fixture = SimulatorFixture.start()) {
            RawApi raw = RawApi.connect(fixture, "dc1");
            long start = System.nanoTime();
            HttpResponse<String> response = raw.send(raw.request("vms").header("X-Ovirt-Expect", "201-created")
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, "frozen-01"))).build());
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        }
    }
}
