package io.vdibot.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.core.directory.Directory;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Mail is off unless {@code vdibot.mail.host} is set. */
class MailConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MailConfiguration.class)
            .withBean(Directory.class, () -> MailFixtures.directory(Map.of(), Map.of()))
            .withBean(PermissionPolicy.class, () -> new PermissionPolicy(PermissionProperties.defaults()));

    @Test
    void withoutAHostThereIsNoMail() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(OnCallMail.class)
                .doesNotHaveBean(MailProperties.class));
        context.withPropertyValues("vdibot.mail.host= ", "vdibot.mail.from=vdibot@example.com")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(OnCallMail.class));
    }

    @Test
    void withAHostTheOnCallGroupsAreMailed() {
        context.withPropertyValues("vdibot.mail.host=smtp.example", "vdibot.mail.from=vdibot@example.com",
                "vdibot.mail.starttls=true").run(started -> {
                    assertThat(started).hasSingleBean(OnCallMail.class);
                    assertThat(started.getBean(PermissionPolicy.class).groupsHolding("oncall"))
                            .isEqualTo(List.of("vdi-oncall"));
                });
    }

    @Test
    void startTlsAndSslTogetherStopTheStartWithOneLine() {
        context.withPropertyValues("vdibot.mail.host=smtp.example", "vdibot.mail.from=vdibot@example.com",
                "vdibot.mail.starttls=true", "vdibot.mail.ssl=true").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageStartingWith(
                        "vdibot.mail.starttls and vdibot.mail.ssl exclude each other:"));
    }

    @Test
    void aHostWithoutASenderStopsTheStart() {
        context.withPropertyValues("vdibot.mail.host=smtp.example").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessage("vdibot.mail.from must be set when vdibot.mail.host is"));
    }
}
