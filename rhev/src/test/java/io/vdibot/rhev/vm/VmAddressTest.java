package io.vdibot.rhev.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.inventory.VmInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmAddressTest {

    @Test
    void aSelfAssignedAddressIsNoAddress() {
        VmInfo noDhcp = new VmInfo("id", "w", null, "up", null, null, null, null,
                List.of("169.254.10.2", "fe80::1"), null, 0, 0);
        VmInfo served = new VmInfo("id", "w", null, "up", null, null, null, null,
                List.of("169.254.10.2", "10.1.2.3"), null, 0, 0);

        assertThat(noDhcp.ipv4()).isEmpty();
        assertThat(served.ipv4()).contains("10.1.2.3");
    }
}
