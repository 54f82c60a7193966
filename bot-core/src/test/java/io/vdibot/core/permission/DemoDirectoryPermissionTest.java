package io.vdibot.core.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vdibot.commands.Platform;
import io.vdibot.core.directory.CachingDirectory;
import io.vdibot.core.directory.DemoDirectory;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.embedded.ldap.EmbeddedLdapServer;
import io.vdibot.core.directory.IdentityResolver;
import io.vdibot.core.directory.LdapDirectory;

/** The whole authorization path for each demo user: chat identity → directory → roles → permissions. */
class DemoDirectoryPermissionTest {

    private static final String[] PERMISSIONS = {
            "vdi:view:inventory", "vdi:pool:create", "vdi:task:cancel", "vdi:task:approve", "vdi:locks:release"};

    private static EmbeddedLdapServer server;
    private static LdapDirectory ldap;
    private static IdentityResolver identities;
    private static final PermissionPolicy POLICY = new PermissionPolicy(PermissionProperties.defaults());

    @BeforeAll
    static void startDirectory() {
        server = DemoDirectory.start();
        ldap = new LdapDirectory(DemoDirectory.propertiesFor(server));
        identities = new IdentityResolver(new CachingDirectory(ldap, Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopDirectory() {
        ldap.close();
        server.close();
    }

    @Test
    void eachDemoUserGetsTheRolesTheLdifPromises() {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (String uid : new String[] {"alice", "bob", "carol", "dave", "erin", "mallory"}) {
            roles.put(uid, POLICY.rolesOf(slackUser(uid)));
        }
        assertThat(roles).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "alice", Set.of("requester"),
                "bob", Set.of("approver", "requester"),
                "carol", Set.of("admin"),
                "dave", Set.of("viewer"),
                "erin", Set.of("oncall", "viewer"),
                "mallory", Set.of())));
    }

    @Test
    void permissionMatrixOfTheDemoUsers() {
        assertThat(allowed("alice")).containsExactly("vdi:view:inventory", "vdi:pool:create", "vdi:task:cancel");
        assertThat(allowed("bob"))
                .containsExactly("vdi:view:inventory", "vdi:pool:create", "vdi:task:cancel", "vdi:task:approve");
        assertThat(allowed("carol")).containsExactly(PERMISSIONS);
        assertThat(allowed("dave")).containsExactly("vdi:view:inventory");
        assertThat(allowed("erin")).containsExactly("vdi:view:inventory");
        assertThat(allowed("mallory")).isEmpty();
    }

    @Test
    void consoleLoginAndChatEmailReachTheSameUser() {
        assertThat(identities.resolve(Platform.CONSOLE, "bob", null))
                .isEqualTo(identities.resolve(Platform.TEAMS, "29:bob", "Bob@VDIBot.example"));
    }

    private static List<String> allowed(String uid) {
        DirectoryUser user = slackUser(uid);
        return Arrays.stream(PERMISSIONS).filter(p -> POLICY.isAllowed(user, p)).toList();
    }

    private static DirectoryUser slackUser(String uid) {
        return identities.resolve(Platform.SLACK, "U-" + uid, uid + "@vdibot.example").orElseThrow();
    }
}
