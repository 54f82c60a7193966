package io.vdibot.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.AccessCheck.Verdict;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.core.command.CommandScan;
import io.vdibot.core.directory.CachingDirectory;
import io.vdibot.core.directory.DemoDirectory;
import io.vdibot.core.directory.Directory;
import io.vdibot.core.directory.DirectoryUnavailableException;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import io.vdibot.core.directory.IdentityResolver;
import io.vdibot.core.directory.LdapDirectory;
import io.vdibot.core.permission.PermissionPolicy;
import io.vdibot.core.permission.PermissionProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the adapters are told before they draw a form or a home page, for the demo directory's people: only a directory
 * user holding the command's permission is let through, and every doubt is a refusal.
 */
class DirectoryAccessCheckTest {

    private static final CommandRegistry REGISTRY = CommandScan.registry();
    private static final PermissionPolicy POLICY = new PermissionPolicy(PermissionProperties.defaults());

    private static EmbeddedLdapServer server;
    private static LdapDirectory ldap;
    private static DirectoryAccessCheck access;

    @BeforeAll
    static void startDirectory() {
        server = DemoDirectory.start();
        ldap = new LdapDirectory(DemoDirectory.propertiesFor(server));
        access = new DirectoryAccessCheck(new IdentityResolver(new CachingDirectory(ldap, Duration.ofSeconds(60))),
                POLICY, REGISTRY);
    }

    @AfterAll
    static void stopDirectory() {
        ldap.close();
        server.close();
    }

    @Test
    void aRequesterMayOpenTheVmFormAndLookAtTheEstate() {
        assertThat(access.verdict(slack("alice"), "vm.create")).isEqualTo(Verdict.ALLOWED);
        assertThat(access.mayUse(slack("alice"), "dashboard")).isTrue();
        assertThat(access.mayUse(teams("alice"), "pool.create")).isTrue();
    }

    @Test
    void aViewerMayLookButGetsNoFormOfATask() {
        assertThat(access.verdict(slack("dave"), "vm.create")).isEqualTo(Verdict.DENIED);
        assertThat(access.verdict(slack("dave"), "template.migrate")).isEqualTo(Verdict.DENIED);
        assertThat(access.verdict(slack("dave"), "sites")).isEqualTo(Verdict.ALLOWED);
        assertThat(access.verdict(slack("dave"), "tasks")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void someoneInTheDirectoryButInNoGroupSeesNothing() {
        for (String command : List.of("vm.create", "sites", "dashboard", "tasks")) {
            assertThat(access.verdict(slack("mallory"), command)).as(command).isEqualTo(Verdict.DENIED);
        }
        // the help names nothing of the estate and is open to everyone
        assertThat(access.verdict(slack("mallory"), "help")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aStrangerIsUnknownAndSoIsSomeoneWithoutAnAddress() {
        assertThat(access.verdict(new ChatIdentity(Platform.SLACK, "U0SAM", "sam@elsewhere.example", "Sam"),
                "sites")).isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(access.verdict(new ChatIdentity(Platform.TEAMS, "aad-x", null, "X"), "sites"))
                .isEqualTo(Verdict.UNKNOWN_USER);
        assertThat(access.mayUse(new ChatIdentity(Platform.SLACK, "U0SAM", "sam@elsewhere.example", "Sam"),
                "vm.create")).isFalse();
    }

    @Test
    void anUnknownCommandIsRefusedEvenToAnAdministrator() {
        assertThat(access.verdict(slack("carol"), "vm.frobnicate")).isEqualTo(Verdict.DENIED);
        assertThat(access.verdict(slack("carol"), null)).isEqualTo(Verdict.DENIED);
    }

    @Test
    void aDirectoryThatCannotAnswerRefusesEveryone() {
        Directory down = new Directory() {
            @Override
            public Optional<DirectoryUser> findByMail(String mail) {
                throw new DirectoryUnavailableException("connection refused", null);
            }

            @Override
            public Optional<DirectoryUser> findByUid(String uid) {
                throw new DirectoryUnavailableException("connection refused", null);
            }

            @Override
            public List<DirectoryUser> membersOf(String group) {
                throw new DirectoryUnavailableException("connection refused", null);
            }

            @Override
            public boolean groupExists(String group) {
                throw new DirectoryUnavailableException("connection refused", null);
            }

            @Override
            public Optional<String> groupMail(String group) {
                throw new DirectoryUnavailableException("connection refused", null);
            }
        };
        DirectoryAccessCheck blind = new DirectoryAccessCheck(new IdentityResolver(down), POLICY, REGISTRY);
        assertThat(blind.verdict(slack("carol"), "sites")).isEqualTo(Verdict.UNAVAILABLE);
        assertThat(Verdict.UNAVAILABLE.messageKey()).isEqualTo("reply.directory-unavailable");

        Directory broken = new Directory() {
            @Override
            public Optional<DirectoryUser> findByMail(String mail) {
                throw new IllegalStateException("a bug");
            }

            @Override
            public Optional<DirectoryUser> findByUid(String uid) {
                throw new IllegalStateException("a bug");
            }

            @Override
            public List<DirectoryUser> membersOf(String group) {
                return List.of();
            }

            @Override
            public boolean groupExists(String group) {
                return false;
            }

            @Override
            public Optional<String> groupMail(String group) {
                return Optional.empty();
            }
        };
        assertThat(new DirectoryAccessCheck(new IdentityResolver(broken), POLICY, REGISTRY)
                .mayUse(slack("carol"), "sites")).isFalse();
    }

    @Test
    void refusalsReadAsTheCoresOwnRefusalsOfATypedCommand() {
        assertThat(Verdict.UNKNOWN_USER.messageKey()).isEqualTo("reply.unknown-user");
        assertThat(Verdict.DENIED.messageKey()).isEqualTo("reply.denied");
        assertThat(Verdict.ALLOWED.messageKey()).isNull();
    }

    private static ChatIdentity slack(String uid) {
        return new ChatIdentity(Platform.SLACK, "U-" + uid, uid + "@vdibot.example", uid);
    }

    private static ChatIdentity teams(String uid) {
        return new ChatIdentity(Platform.TEAMS, "aad-" + uid, uid + "@vdibot.example", uid);
    }
}
