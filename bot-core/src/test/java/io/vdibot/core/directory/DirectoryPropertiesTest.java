package io.vdibot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DirectoryPropertiesTest {

    @Test
    void defaultsFitTheDemoDirectory() {
        DirectoryProperties defaults = DirectoryProperties.defaults();

        assertThat(defaults.hasUrl()).isFalse();
        assertThat(defaults.bindDn()).isEmpty();
        assertThat(defaults.userSearchBase()).isEqualTo("ou=people,dc=vdibot,dc=example");
        assertThat(defaults.userMailFilter()).isEqualTo("(mail={0})");
        assertThat(defaults.uidAttribute()).isEqualTo("uid");
        assertThat(defaults.groupSearchBase()).isEqualTo("ou=groups,dc=vdibot,dc=example");
        assertThat(defaults.groupMemberAttribute()).isEqualTo("member");
        assertThat(defaults.memberOfAttribute()).isEqualTo("memberOf");
        assertThat(defaults.timeZoneAttribute()).isEqualTo("vdiTimeZone");
        assertThat(defaults.languageAttribute()).isEqualTo("preferredLanguage");
        assertThat(defaults.poolSize()).isEqualTo(4);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void toStringHidesThePassword() {
        DirectoryProperties properties = DirectoryProperties.defaults()
                .withUrl("ldaps://ldap.corp.example")
                .withBindCredentials("cn=svc-vdibot,ou=services,dc=corp,dc=example", "Tr0ub4dor&3");

        assertThat(properties.toString())
                .doesNotContain("Tr0ub4dor&3")
                .contains("bindPassword=<redacted>", "cn=svc-vdibot", "ldaps://ldap.corp.example");
        assertThat(DirectoryProperties.defaults().toString()).contains("bindPassword=<not set>");
    }

    @Test
    void withersKeepTheOtherSettings() {
        DirectoryProperties properties = DirectoryProperties.defaults()
                .withBindCredentials("cn=svc", "secret")
                .withUrl("ldap://127.0.0.1:3389")
                .withCacheTtl(Duration.ZERO);

        assertThat(properties.bindDn()).isEqualTo("cn=svc");
        assertThat(properties.bindPassword()).isEqualTo("secret");
        assertThat(properties.url()).isEqualTo("ldap://127.0.0.1:3389");
        assertThat(properties.cacheTtl()).isZero();
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        DirectoryProperties d = DirectoryProperties.defaults();
        assertThatThrownBy(() -> new DirectoryProperties(null, null, null, null, "(mail=alice)", null, null, null,
                null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{0}");
        assertThatThrownBy(() -> new DirectoryProperties(null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool-size");
        assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCacheTtl(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directoryNeedsAUsableUrlAndFilter() {
        assertThatThrownBy(() -> new LdapDirectory(DirectoryProperties.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> new LdapDirectory(DirectoryProperties.defaults().withUrl("http://ldap.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LdapDirectory(DirectoryProperties.defaults()
                .withUrl("ldap://127.0.0.1:3389 ldaps://127.0.0.1:3636")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixes");
        assertThatThrownBy(() -> new LdapDirectory(new DirectoryProperties("ldap://127.0.0.1:3389", null, null,
                null, "(mail={0}", null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user-mail-filter");
    }
}
