package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.unboundid.ldap.sdk.Entry;

class DirectoryUserMapperTest {

    private final DirectoryUserMapper mapper = new DirectoryUserMapper(DirectoryProperties.defaults());

    @Test
    void readsLanguageTagsInTheFormsDirectoriesHoldThem() {
        assertThat(DirectoryUserMapper.parseLocale("zh-CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(DirectoryUserMapper.parseLocale("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(DirectoryUserMapper.parseLocale("en-GB, en;q=0.8")).contains(Locale.UK);
        assertThat(DirectoryUserMapper.parseLocale("fr;q=0.9")).contains(Locale.FRENCH);
        assertThat(DirectoryUserMapper.parseLocale("")).isEmpty();
        assertThat(DirectoryUserMapper.parseLocale("!!")).isEmpty();
    }

    @Test
    void badSettingsAreDroppedButTheUserIsKept() {
        Entry entry = new Entry("uid=x,ou=people,dc=vdibot,dc=example");
        entry.addAttribute("uid", "x");
        entry.addAttribute("cn", "X Person");
        entry.addAttribute("vdiTimeZone", "Mars/Olympus_Mons");
        entry.addAttribute("memberOf", "cn=vdi-viewers,ou=groups,dc=vdibot,dc=example", "not a dn");

        assertThat(mapper.toUser(entry, Map.of("cn=VDI-VIEWERS,ou=groups,dc=vdibot,dc=example", "VDI-VIEWERS",
                "cn=vdi-oncall,ou=groups,dc=vdibot,dc=example", "vdi-oncall"))).hasValueSatisfying(user -> {
            assertThat(user.displayName()).isEqualTo("X Person");
            assertThat(user.zone()).isEmpty();
            assertThat(user.groups()).hasSize(2).contains("vdi-oncall");
            assertThat(user.isMemberOf("vdi-viewers")).isTrue();
        });
    }

    @Test
    void entriesWithoutALoginNameAreNotUsers() {
        Entry group = new Entry("cn=nested,ou=groups,dc=vdibot,dc=example");
        group.addAttribute("cn", "nested");
        assertThat(mapper.toUser(group, Map.of())).isEqualTo(Optional.empty());
    }
}
