package io.vdibot.core.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Without its database, directory and engines the bot does not start, one line per missing property. */
class RequiredSettingsTest {

    @Test
    void eachMissingSettingIsNamedByItsProperty() {
        assertThat(RequiredSettings.problems(new MockEnvironment())).containsExactly(
                "spring.datasource.url is not set: the bot keeps its tasks in a MariaDB (or Galera) database.",
                "vdibot.directory.url is not set: the bot checks permissions in an LDAP or AD directory.",
                "vdibot.sites[0].url is not set: the bot needs at least one engine (site).");
        assertThat(RequiredSettings.problems(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example/vdibot")
                .withProperty("vdibot.directory.url", "ldaps://ldap.example")
                .withProperty("vdibot.sites[0].url", "https://rhvm.example/ovirt-engine/api"))).isEmpty();
    }

    @Test
    void theContextIsRefusedBeforeAnyBeanExists() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db/vdibot"));
        assertThatThrownBy(() -> new RequiredSettings().initialize(context))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("vdibot.directory.url").hasMessageContaining("vdibot.sites[0].url");
    }

    @Test
    void itRunsAfterEveryOtherInitializer() {
        assertThat(new RequiredSettings().getOrder()).isEqualTo(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    }
}
