package io.vdibot.core.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The app manifests match what the adapter does: one URL for everything, the slash command it listens to, exactly
 * the events it handles and exactly the scopes its Web API calls need.
 */
class SlackManifestTest {

    private static final List<String> SCOPES = List.of("app_mentions:read", "chat:write", "chat:write.public",
            "commands", "files:write", "im:history", "im:write", "users:read", "users:read.email");
    private static final List<String> EVENTS = List.of("app_home_opened", "app_mention", "message.im");

    @Test
    void httpModeSendsEverythingToSlackEvents() throws IOException {
        Map<String, Object> manifest = read("manifest.yml");
        assertCommon(manifest);
        Map<String, Object> settings = map(manifest, "settings");
        assertThat(settings.get("socket_mode_enabled")).isEqualTo(false);
        assertThat(map(settings, "event_subscriptions").get("request_url").toString()).endsWith("/slack/events");
        Map<String, Object> interactivity = map(settings, "interactivity");
        assertThat(interactivity.get("request_url").toString()).endsWith("/slack/events");
        assertThat(interactivity.get("message_menu_options_url").toString()).endsWith("/slack/events");
        Map<?, ?> command = (Map<?, ?>) ((List<?>) map(manifest, "features").get("slash_commands")).get(0);
        assertThat(command.get("url").toString()).startsWith("https://").endsWith("/slack/events");
    }

    @Test
    void socketModeHasNoInboundUrl() throws IOException {
        Map<String, Object> manifest = read("manifest-socket-mode.yml");
        assertCommon(manifest);
        Map<String, Object> settings = map(manifest, "settings");
        assertThat(settings.get("socket_mode_enabled")).isEqualTo(true);
        assertThat(map(settings, "event_subscriptions")).doesNotContainKey("request_url");
        assertThat(map(settings, "interactivity")).doesNotContainKey("request_url");
    }

    @SuppressWarnings("unchecked")
    private static void assertCommon(Map<String, Object> manifest) {
        assertThat(map(manifest, "_metadata").get("major_version")).isEqualTo(1);
        Map<String, Object> features = map(manifest, "features");
        assertThat(map(features, "app_home").get("home_tab_enabled")).isEqualTo(true);
        assertThat(map(features, "app_home").get("messages_tab_enabled")).isEqualTo(true);
        assertThat(map(features, "bot_user").get("display_name")).isEqualTo("vdibot");
        List<?> commands = (List<?>) features.get("slash_commands");
        assertThat(commands).hasSize(1);
        assertThat(((Map<?, ?>) commands.get(0)).get("command")).isEqualTo("/vdi");
        assertThat((List<Object>) map(map(manifest, "oauth_config"), "scopes").get("bot"))
                .containsExactlyInAnyOrderElementsOf(SCOPES);
        Map<String, Object> settings = map(manifest, "settings");
        assertThat((List<Object>) map(settings, "event_subscriptions").get("bot_events"))
                .containsExactlyInAnyOrderElementsOf(EVENTS);
        assertThat(map(settings, "interactivity").get("is_enabled")).isEqualTo(true);
        String description = map(manifest, "display_information").get("long_description").toString();
        // Slack wants 175 to 4,000 characters here
        assertThat(description.length()).isBetween(175, 4000);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> read(String name) throws IOException {
        Path file = Path.of("..", "manifests", "slack", name);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
