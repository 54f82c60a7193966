package io.vdibot.rhev.simulator.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compiled API model ({@code org.ovirt.engine.api:model}) on the test class path: interfaces and
 * enums in package {@code types}, service interfaces under {@code services}. The model ships no
 * index of its classes, so they are found by listing the artifact itself.
 */
final class ModelArtifact {

    /** A class every model version has; it marks where the artifact is. */
    private static final Class<?> ANCHOR = types.Identified.class;

    private final Path location;

    private ModelArtifact(Path location) {
        this.location = location;
    }

    static ModelArtifact onClassPath() {
        try {
            return new ModelArtifact(Path.of(ANCHOR.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the API model artifact", e);
        }
    }

    /** Binary names of all classes in {@code packageName} and its sub-packages. */
    List<String> classNames(String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        try (Stream<String> entries = entries()) {
            return entries
                    .filter(entry -> entry.startsWith(prefix) && entry.endsWith(".class"))
                    .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, ANCHOR.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("model class vanished: " + binaryName, e);
        }
    }

    private Stream<String> entries() {
        try {
            if (Files.isDirectory(location)) {
                List<String> files;
                try (Stream<Path> walk = Files.walk(location)) {
                    files = walk.filter(Files::isRegularFile)
                            .map(file -> location.relativize(file).toString().replace('\\', '/'))
                            .collect(Collectors.toList());
                }
                return files.stream();
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(entry -> entry.getName()).collect(Collectors.toList()).stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the API model artifact " + location.getFileName(), e);
        }
    }
}
