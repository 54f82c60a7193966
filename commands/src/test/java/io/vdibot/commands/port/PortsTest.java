package io.vdibot.commands.port;

import io.vdibot.commands.Platform;
import io.vdibot.commands.view.InventoryKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    private static final ChatIdentity ALICE = new ChatIdentity(Platform.SLACK, "U123", "alice@example.com", "Alice");
    private static final ThreadRef THREAD = ThreadRef.of(Platform.SLACK, "C42", "1718000000.000100");
    private static final Instant RECEIVED = Instant.parse("2026-06-15T08:00:00Z");

    @Test
    void anEnvelopeCarriesACommandLine() {
        Envelope envelope = Envelope.ofText(ALICE, THREAD, "/vdi sites", "trigger-1", RECEIVED, Locale.CHINA,
                ZoneId.of("Asia/Shanghai"));

        assertThat(envelope.hasForm()).isFalse();
        assertThat(envelope.formValues()).isEmpty();
    }

    @Test
    void anEnvelopeCarriesAForm() {
        Map<String, String> values = new HashMap<>(Map.of("name", "web01"));
        Envelope envelope = Envelope.ofForm(ALICE, THREAD, "vm.create", values, "view-1", RECEIVED, null, null);
        values.put("template", "changed later");

        assertThat(envelope.hasForm()).isTrue();
        assertThat(envelope.formValues()).containsOnlyKeys("name");
    }

    @Test
    void anEnvelopeCarriesOneOrTheOther() {
        assertThatThrownBy(() -> new Envelope(ALICE, THREAD, "sites", "vm.create", Map.of(), "k", RECEIVED, null,
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Envelope(ALICE, THREAD, null, null, Map.of(), "k", RECEIVED, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Envelope(ALICE, THREAD, "sites", null, Map.of("a", "b"), "k", RECEIVED, null,
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Envelope.ofText(ALICE, THREAD, "sites", null, RECEIVED, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aThreadReferenceKeepsItsOwnCopyOfThePlatformExtras() {
        Map<String, String> extras = new HashMap<>(Map.of("serviceUrl", "https://smba.example/teams/"));
        ThreadRef ref = ThreadRef.of(Platform.TEAMS, "19:abc@thread.tacv2", null, extras);
        extras.clear();

        assertThat(ref.extras()).containsEntry("serviceUrl", "https://smba.example/teams/");
        assertThat(ref).isEqualTo(ThreadRef.of(Platform.TEAMS, "19:abc@thread.tacv2", null,
                Map.of("serviceUrl", "https://smba.example/teams/")));
    }

    @Test
    void existsIsAnExactMatchAmongTheLookedUpNames() {
        InventoryLookup lookup = new InventoryLookup() {
            @Override
            public List<String> sites() {
                return List.of("paris");
            }

            @Override
            public List<String> names(String site, InventoryKind kind, String prefix, int limit) {
                return List.of("rhel9", "rhel9-web").stream()
                        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
                        .limit(limit).toList();
            }
        };

        assertThat(lookup.exists("paris", InventoryKind.TEMPLATES, "rhel9")).isTrue();
        assertThat(lookup.exists("paris", InventoryKind.TEMPLATES, "RHEL9")).isFalse();
        assertThat(lookup.exists("paris", InventoryKind.TEMPLATES, "rhel")).isFalse();
    }
}
