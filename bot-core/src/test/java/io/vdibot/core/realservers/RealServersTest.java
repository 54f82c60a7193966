package io.vdibot.core.realservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing server binary skips a real-server test, or fails it under {@code -Preal-servers}. */
class RealServersTest {

    private final String before = System.getProperty(RealServers.REQUIRED_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RealServers.REQUIRED_PROPERTY);
        } else {
            System.setProperty(RealServers.REQUIRED_PROPERTY, before);
        }
    }

    @Test
    void aMissingBinarySkipsTheTestNamingThePackages() {
        System.setProperty(RealServers.REQUIRED_PROPERTY, "false");
        assertThatThrownBy(() -> RealServers.require("no-such-package", "sh", "no-such-binary-vdibot"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-binary-vdibot")
                .hasMessageContaining("apt-get install no-such-package");
    }

    @Test
    void underTheProfileAMissingBinaryFailsTheTest() {
        System.setProperty(RealServers.REQUIRED_PROPERTY, "true");
        assertThatThrownBy(() -> RealServers.require("no-such-package", "/no/such/file-vdibot"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/no/such/file-vdibot")
                .hasMessageContaining(RealServers.REQUIRED_PROPERTY + "=true");
    }

    @Test
    void presentBinariesAndFilesAreFound() {
        assertThat(RealServers.require("coreutils", "sh", "/")).hasSize(2)
                .allSatisfy(path -> assertThat(path).exists());
    }
}
