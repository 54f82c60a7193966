package io.vdibot.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The container image's configuration, as Jib wrote it into {@code target/image-check.tar} during {@code package}
 * (the production image on an empty base: no registry is reachable from the build, and the configuration is what
 * the build decides): a non-root user, the JVM's container settings, the ports the bot opens, its OCI labels, and
 * layers that hold the bot and none of the demo.
 */
class ContainerImageIT {

    private static final Path TARBALL = Path.of("target", "image-check.tar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode config;
    private static Map<String, byte[]> files;

    @BeforeAll
    static void readTheImage() throws IOException {
        assertThat(TARBALL).as("jib:buildTar (execution image-check) runs in the package phase").exists();
        try (InputStream in = Files.newInputStream(TARBALL)) {
            files = TarEntries.read(in, name -> true);
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest).as("one image in the tarball").hasSize(1);
        config = JSON.readTree(files.get(manifest.get(0).get("Config").asText())).get("config");
    }

    @Test
    void itRunsAsANumericNonRootUserAndWritesOnlyToItsVolumes() {
        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/var/lib/vdibot");
        assertThat(names(config.get("Volumes"))).containsExactlyInAnyOrder("/tmp", "/var/lib/vdibot");
    }

    @Test
    void theEntrypointStartsTheBotWithContainerSettingsForTheJvm() {
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=/tmp");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("io.vdibot.core.VdiBotApplication");
    }

    @Test
    void itExposesTheChatAndManagementPortsTheConfigurationOpens() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String management = yaml.getObject().getProperty("management.server.port");
        // server.port is Spring Boot's default, 8080
        assertThat(names(config.get("ExposedPorts"))).containsExactlyInAnyOrder("8080/tcp", management + "/tcp");
    }

    @Test
    void itCarriesTheOpenContainersLabels() {
        JsonNode labels = config.get("Labels");
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo("VDI Bot");
        assertThat(labels.get("org.opencontainers.image.version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(labels.get("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.get("org.opencontainers.image.licenses").asText()).isNotBlank();
        assertThat(labels.get("org.opencontainers.image.description").asText()).isNotBlank();
    }

    @Test
    void itsLayersHoldTheBotAndNoneOfTheDemo() throws IOException {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().endsWith(".tar.gz")) {
                try (InputStream layer = new GZIPInputStream(new ByteArrayInputStream(file.getValue()))) {
                    paths.addAll(TarEntries.read(layer, name -> false).keySet());
                }
            }
        }
        assertThat(paths).anyMatch(p -> p.endsWith("app/classes/io/vdibot/core/VdiBotApplication.class"))
                .anyMatch(p -> p.contains("app/libs/vdibot-rhev-"))
                .noneMatch(ProductionJarIT::isDemoPart);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
