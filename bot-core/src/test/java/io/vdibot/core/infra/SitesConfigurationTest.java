package io.vdibot.core.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.vdibot.core.config.SecretFileException;
import io.vdibot.core.config.VdibotProperties;
import io.vdibot.rhev.connect.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Engine passwords inline or in {@code vdibot.sites[i].password-file}, as the configuration binds them. */
class SitesConfigurationTest {

    @TempDir
    Path dir;

    private static VdibotProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vdibot", VdibotProperties.class);
    }

    private static Map<String, String> site(int i, String name) {
        return Map.of("vdibot.sites[" + i + "].name", name,
                "vdibot.sites[" + i + "].url", "https://" + name + ".example/ovirt-engine/api",
                "vdibot.sites[" + i + "].ca-file", "/etc/vdibot/ca/" + name + ".pem");
    }

    @Test
    void eachSiteTakesItsPasswordInlineOrFromItsFile() throws IOException {
        Path parisFile = Files.writeString(dir.resolve("paris"), "paris-from-file\n");
        Map<String, String> properties = new HashMap<>(site(0, "paris"));
        properties.putAll(site(1, "singapore"));
        properties.put("vdibot.sites[0].password-file", parisFile.toString());
        properties.put("vdibot.sites[1].password", "singapore-inline");

        List<SiteConfig> sites = new SitesConfiguration().siteConfigs(bind(properties));

        assertThat(sites).extracting(SiteConfig::name, SiteConfig::password)
                .containsExactly(tuple("paris", "paris-from-file"),
                        tuple("singapore", "singapore-inline"));
        assertThat(bind(properties).sites().get(0).toString()).doesNotContain("paris-from-file")
                .contains("passwordFile=" + parisFile);
    }

    @Test
    void aMissingPasswordFileNamesTheSiteIndexInItsProperty() {
        Map<String, String> properties = new HashMap<>(site(0, "paris"));
        properties.putAll(site(1, "singapore"));
        properties.put("vdibot.sites[0].password", "paris-inline");
        properties.put("vdibot.sites[1].password-file", dir.resolve("singapore").toString());

        assertThatThrownBy(() -> new SitesConfiguration().siteConfigs(bind(properties)))
                .isInstanceOfSatisfying(SecretFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "vdibot.sites[1].password-file: " + dir.resolve("singapore") + " does not exist."));
    }
}
