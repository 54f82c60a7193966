package io.vdibot.persistence.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbAccountsTest {

    @Test
    void nativePasswordHashMatchesMariaDbsPasswordFunction() {
        // what SELECT PASSWORD('vdibot') returns on MariaDB 11.4
        assertThat(MariaDbAccounts.nativePasswordHash("vdibot")).isEqualTo("*21482F28755DC289C21EBD5BCE2A18C69BCD135C");
    }

    @Test
    void provisioningNeverContainsThePlainPassword() {
        String sql = MariaDbAccounts.provisioning("vdibot", "vdibot", "s3cr'et\\pw");

        assertThat(sql).doesNotContain("s3cr").contains(MariaDbAccounts.nativePasswordHash("s3cr'et\\pw"));
    }

    @Test
    void randomPasswordsDiffer() {
        assertThat(MariaDbAccounts.randomPassword()).hasSize(36).isNotEqualTo(MariaDbAccounts.randomPassword());
    }
}
