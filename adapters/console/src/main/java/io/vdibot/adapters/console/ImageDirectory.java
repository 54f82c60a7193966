package io.vdibot.adapters.console;

import io.vdibot.commands.reply.ImageBlock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes images as files into one directory. Each file name starts with a sequence number: two dashboards in a
 * session both call their chart {@code dashboard.png}, and the second must not overwrite the first the user may
 * still have open.
 */
public final class ImageDirectory implements ImageWriter {

    private final Path configured;
    private final AtomicInteger sequence = new AtomicInteger();
    private Path directory;

    /**
     * Images go to {@code directory}, created when the first image arrives; the files are named by their absolute
     * path, which the user can open whatever their working directory.
     */
    public ImageDirectory(Path directory) {
        this.configured = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    }

    @Override
    public Path write(ImageBlock image) throws IOException {
        Path target = directory().resolve(String.format("%04d-%s", sequence.incrementAndGet(),
                safeName(image.filename())));
        Files.write(target, image.data());
        return target;
    }

    private synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = Files.createDirectories(configured);
        }
        return directory;
    }

    // The file name comes from the reply; keep it inside the directory and valid on every file system.
    private static String safeName(String filename) {
        String name = filename.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return name.isEmpty() ? "image" : name;
    }
}
