package io.vdibot.persistence.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbServerTest {

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryWithoutSystemTablesNeedsInstalling() throws Exception {
        Files.writeString(dataDir.resolve(DataDirLock.FILE_NAME), "");

        assertThat(MariaDbServer.isInitialised(dataDir)).isFalse();
    }

    @Test
    void aDataDirectoryWithSystemTablesIsNeverInstalledAgain() throws Exception {
        Files.createDirectory(dataDir.resolve("mysql"));

        assertThat(MariaDbServer.isInitialised(dataDir)).isTrue();
    }
}
