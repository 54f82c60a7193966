package io.vdibot.core.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vdibot.core.directory.DirectoryUser;

class PermissionPolicyTest {

    private static final DirectoryUser ALICE = user("alice", "vdi-requesters");
    private static final DirectoryUser BOB = user("bob", "vdi-approvers", "vdi-requesters");
    private static final DirectoryUser CAROL = user("carol", "vdi-admins");
    private static final DirectoryUser DAVE = user("dave", "vdi-viewers");
    private static final DirectoryUser ERIN = user("erin", "vdi-oncall", "vdi-viewers");
    private static final DirectoryUser MALLORY = user("mallory");

    private final PermissionPolicy policy = new PermissionPolicy(PermissionProperties.defaults());

    @Test
    void rolesFollowTheDefaultGroupMapping() {
        assertThat(policy.rolesOf(ALICE)).containsExactly("requester");
        assertThat(policy.rolesOf(BOB)).containsExactly("approver", "requester");
        assertThat(policy.rolesOf(CAROL)).containsExactly("admin");
        assertThat(policy.rolesOf(DAVE)).containsExactly("viewer");
        assertThat(policy.rolesOf(ERIN)).containsExactly("oncall", "viewer");
        assertThat(policy.rolesOf(MALLORY)).isEmpty();
        assertThat(policy.rolesOf(null)).isEmpty();
    }

    @Test
    void someoneWithoutRolesMayReadTheHelpAndNothingElse() {
        assertThat(policy.isAllowed(MALLORY, "vdi:view:help")).isTrue();
        assertThat(policy.isAllowed(MALLORY, "vdi:view:inventory")).isFalse();
        assertThat(policy.isAllowed(MALLORY, "vdi:view:*")).isFalse();
        assertThat(policy.isAllowed(null, "vdi:view:help")).as("still someone the platform named").isFalse();
    }

    @Test
    void theGroupsGrantingAPermissionAreThoseWhoseRolesGrantIt() {
        assertThat(policy.groupsGranting("vdi:task:approve")).containsExactly("vdi-admins", "vdi-approvers");
        assertThat(policy.groupsGranting("vdi:audit:view")).containsExactly("vdi-admins");
    }

    @Test
    void groupNamesMatchCaseInsensitivelyAsInActiveDirectory() {
        assertThat(policy.rolesOf(user("x", "VDI-Admins", "Domain Users"))).containsExactly("admin");
    }

    @Test
    void viewersLookButCannotCreate() {
        for (DirectoryUser viewer : List.of(DAVE, ERIN)) {
            assertThat(policy.isAllowed(viewer, "vdi:view:inventory")).isTrue();
            assertThat(policy.isAllowed(viewer, "vdi:view:tasks")).isTrue();
            assertThat(policy.isAllowed(viewer, "vdi:pool:create")).isFalse();
            assertThat(policy.isAllowed(viewer, "vdi:vm:create")).isFalse();
            assertThat(policy.isAllowed(viewer, "vdi:task:cancel")).isFalse();
        }
    }

    @Test
    void requesterActsButCannotApprove() {
        assertThat(policy.isAllowed(ALICE, "vdi:pool:create")).isTrue();
        assertThat(policy.isAllowed(ALICE, "vdi:vm:create")).isTrue();
        assertThat(policy.isAllowed(ALICE, "vdi:template:migrate")).isTrue();
        assertThat(policy.isAllowed(ALICE, "vdi:task:cancel")).isTrue();
        assertThat(policy.isAllowed(ALICE, "vdi:view:inventory")).isTrue();
        assertThat(policy.isAllowed(ALICE, "vdi:task:approve")).isFalse();
        assertThat(policy.isAllowed(ALICE, "vdi:locks:release")).isFalse();
    }

    @Test
    void approverApproves() {
        assertThat(policy.isAllowed(BOB, "vdi:task:approve")).isTrue();
        assertThat(policy.isAllowed(BOB, "vdi:pool:create")).isTrue();
        assertThat(policy.isAllowed(BOB, "vdi:locks:release")).isFalse();
        assertThat(policy.isAllowed(user("approver-only", "vdi-approvers"), "vdi:pool:create")).isTrue();
    }

    @Test
    void adminMayDoAnythingUnderVdi() {
        assertThat(policy.isAllowed(CAROL, "vdi:locks:release")).isTrue();
        assertThat(policy.isAllowed(CAROL, "vdi:task:approve")).isTrue();
        assertThat(policy.isAllowed(CAROL, "vdi:pool:delete")).isTrue();
        assertThat(policy.isAllowed(CAROL, "ovirt:engine:shutdown")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vdi:view:inventory", "vdi:pool:create", "vdi:task:approve", "vdi:locks:release"})
    void userWithoutGroupsIsDeniedEverything(String permission) {
        Decision decision = policy.check(MALLORY, permission);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.auditReason()).contains("mallory", "no role");
    }

    @Test
    void userInUnmappedGroupsOnlyIsDenied() {
        assertThat(policy.isAllowed(user("guest", "Domain Users", "vdi-everyone"), "vdi:view:inventory")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "vdi", "vdi:*", "vdi:pool:*", "vdi::create", "VDI:POOL:CREATE", "vdi:pool:create ",
            "vdi:pool:create\nvdi:locks:release"})
    void malformedPermissionsAreDeniedEvenToAdmins(String permission) {
        Decision decision = policy.check(CAROL, permission);
        assertThat(decision.denied()).isTrue();
        assertThat(decision.auditReason()).contains("malformed").doesNotContain("\n");
    }

    @Test
    void permissionsNoRoleGrantsAreDenied() {
        assertThat(policy.isAllowed(ALICE, "vdi:secrets:read")).isFalse();
        assertThat(policy.isAllowed(CAROL, "audit:log:delete")).isFalse();
        assertThat(policy.isAllowed(null, "vdi:view:inventory")).isFalse();
        assertThat(policy.isAllowed(ALICE, null)).isFalse();
    }

    @Test
    void everyDenialLooksTheSameToTheUserButNotToTheAuditLog() {
        Decision noRole = policy.check(MALLORY, "vdi:pool:create");
        Decision noGrant = policy.check(DAVE, "vdi:pool:create");
        Decision malformed = policy.check(DAVE, "vdi:pool:*");

        assertThat(List.of(noRole, noGrant, malformed)).allSatisfy(d -> {
            assertThat(d.denied()).isTrue();
            assertThat(d.userMessageKey()).contains(Decision.DENIED_MESSAGE_KEY);
        });
        assertThat(noGrant.auditReason()).contains("dave", "vdi:pool:create", "viewer");
        assertThat(Set.of(noRole.auditReason(), noGrant.auditReason(), malformed.auditReason())).hasSize(3);
    }

    @Test
    void allowedDecisionNamesTheGrantForTheAuditLog() {
        Decision decision = policy.check(BOB, "vdi:task:approve");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.userMessageKey()).isEmpty();
        assertThat(decision.auditReason()).contains("bob", "approver", "vdi:task:approve");
    }

    @Test
    void configuredGroupMappingReplacesTheDefaults() {
        PermissionPolicy custom = new PermissionPolicy(new PermissionProperties(
                Map.of("AD-VDI-Leads", List.of("Approver"), "ad-vdi-ops", List.of("admin", "oncall")), null));

        assertThat(custom.rolesOf(user("lead", "ad-vdi-leads"))).containsExactly("approver");
        assertThat(custom.rolesOf(user("op", "AD-VDI-OPS"))).containsExactly("admin", "oncall");
        assertThat(custom.rolesOf(BOB)).isEmpty();
        assertThat(custom.isAllowed(user("lead", "ad-vdi-leads"), "vdi:task:approve")).isTrue();
        assertThat(custom.isAllowed(CAROL, "vdi:locks:release")).isFalse();
    }

    @Test
    void configuredRolePermissionsReplaceThatRoleOnly() {
        PermissionPolicy custom = new PermissionPolicy(new PermissionProperties(null,
                Map.of("viewer", List.of("vdi:view:inventory"), "auditor", List.of("vdi:view:*", "vdi:audit:*"))));

        assertThat(custom.isAllowed(DAVE, "vdi:view:inventory")).isTrue();
        assertThat(custom.isAllowed(DAVE, "vdi:view:logs")).isFalse();
        assertThat(custom.isAllowed(ERIN, "vdi:view:logs")).isTrue();
        assertThat(custom.isAllowed(CAROL, "vdi:locks:release")).isTrue();
    }

    @Test
    void customRolesWork() {
        PermissionPolicy custom = new PermissionPolicy(new PermissionProperties(
                Map.of("auditors", List.of("auditor")), Map.of("auditor", List.of("vdi:audit:*"))));
        DirectoryUser auditor = user("aud", "auditors");

        assertThat(custom.isAllowed(auditor, "vdi:audit:export")).isTrue();
        assertThat(custom.isAllowed(auditor, "vdi:view:inventory")).isFalse();
    }

    @Test
    void configurationMistakesStopStartUp() {
        assertThatThrownBy(() -> new PermissionPolicy(new PermissionProperties(
                Map.of("vdi-admins", List.of("admni")), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admni");
        assertThatThrownBy(() -> new PermissionPolicy(new PermissionProperties(
                null, Map.of("viewer", List.of("vdi:*:view")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role-permissions.viewer");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        PermissionProperties defaults = PermissionProperties.defaults();
        assertThat(defaults.groupRoles()).containsOnlyKeys(
                "vdi-requesters", "vdi-approvers", "vdi-admins", "vdi-viewers", "vdi-oncall");
        assertThat(defaults.rolePermissions().get("approver")).containsExactly(
                "vdi:view:*", "vdi:vm:*", "vdi:pool:*", "vdi:template:*", "vdi:task:cancel", "vdi:task:approve");
        assertThat(defaults.rolePermissions().get("admin")).containsExactly("vdi:*");
    }

    private static DirectoryUser user(String uid, String... groups) {
        return new DirectoryUser(uid, uid, uid + "@vdibot.example", Set.of(groups), Optional.empty(), Optional.empty());
    }
}
