package io.vdibot.core.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "vdi:*,            vdi:pool:create,      true",
            "vdi:*,            vdi:locks:release,    true",
            "vdi:*,            vdi:a:b:c,            true",
            "vdi:*,            vdi,                  false",
            "vdi:*,            other:pool:create,    false",
            "vdi:pool:*,       vdi:pool:create,      true",
            "vdi:pool:*,       vdi:pool:update:size, true",
            "vdi:pool:*,       vdi:pool,             false",
            "vdi:pool:*,       vdi:pools:create,     false",
            "vdi:pool:*,       vdi:vm:create,        false",
            "vdi:task:cancel,  vdi:task:cancel,      true",
            "vdi:task:cancel,  vdi:task:approve,     false",
            "vdi:task:cancel,  vdi:task:cancel:all,  false",
            "vdi:*,            vdi:*,                false",
            "vdi:*,            vdi:pool:,            false",
            "vdi:*,            VDI:POOL:CREATE,      false",
    })
    void matchesTrailingSegmentsOnly(String pattern, String permission, boolean expected) {
        assertThat(PermissionPattern.parse(pattern).matches(permission)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "vdi:*:create", "vdi::create", "vdi:pool*", "vdi", "vdi:pool:**", "vdi:po ol"})
    void rejectsMalformedPatterns(String pattern) {
        assertThatThrownBy(() -> PermissionPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {" VDI:Pool:* ", "vdi:pool:*"})
    void configuredPatternsIgnoreCaseAndBlanks(String pattern) {
        PermissionPattern parsed = PermissionPattern.parse(pattern);
        assertThat(parsed).hasToString("vdi:pool:*");
        assertThat(parsed.matches("vdi:pool:create")).isTrue();
    }
}
