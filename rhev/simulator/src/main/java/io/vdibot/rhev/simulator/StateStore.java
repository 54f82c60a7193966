package io.vdibot.rhev.simulator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vdibot.rhev.simulator.engine.SharedStorage;
import io.vdibot.rhev.simulator.model.Estate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each site's estate and the shared NFS content as JSON in a state directory, written
 * atomically, so that a restarted simulator (and the bot's demo mode) finds what it had.
 */
final class StateStore {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);

    private final Path directory;

    StateStore(Path directory) {
        this.directory = directory;
    }

    Path caStore() {
        return directory.resolve("pki").resolve("engine-ca.p12");
    }

    Optional<Estate> loadSite(String site) {
        return read(siteFile(site), new TypeReference<Estate>() { });
    }

    Optional<Map<String, SharedStorage.ExportDomainMetadata>> loadShared() {
        return read(directory.resolve("shared-storage.json"),
                new TypeReference<Map<String, SharedStorage.ExportDomainMetadata>>() { });
    }

    void saveSite(String site, byte[] json) {
        write(siteFile(site), json);
    }

    void saveShared(SharedStorage shared) {
        try {
            write(directory.resolve("shared-storage.json"), MAPPER.writeValueAsBytes(shared.snapshot()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] toJson(Estate estate) {
        try {
            return MAPPER.writeValueAsBytes(estate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path siteFile(String site) {
        return directory.resolve("site-" + site + ".json");
    }

    private static <T> Optional<T> read(Path file, TypeReference<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator state " + file, e);
        }
    }

    private void write(Path file, byte[] json) {
        try {
            Files.createDirectories(directory);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, json);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write simulator state " + file, e);
        }
    }
}
