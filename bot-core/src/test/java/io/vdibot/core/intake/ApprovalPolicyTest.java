package io.vdibot.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.core.config.VdibotProperties;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shrinks and revokes wait for an approver by default; a pool whose size cannot be read counts as shrinking. */
class ApprovalPolicyTest {

    private static final Schedule NOW = Schedule.immediately(Clock.systemUTC(), ZoneOffset.UTC);
    private static final VdibotProperties.Approval DEFAULTS = new VdibotProperties.Approval(
            Set.of("template.migrate", "pool.delete", "pool.revoke", "vm.restore"), 50, true, true,
            java.time.Duration.ofHours(4), java.time.Duration.ofDays(3));

    private final ApprovalPolicy policy = new ApprovalPolicy(DEFAULTS,
            (site, pool) -> pool.equals("desk-??") ? OptionalInt.of(10) : OptionalInt.empty());

    @Test
    void aPoolMadeSmallerWaitsForAnApproverAndAGrowthWithinTheThresholdDoesNot() {
        assertThat(policy.needsApproval(new PoolResizeRequest("desk-??", 8, null, NOW), "dc1")).isTrue();
        assertThat(policy.needsApproval(new PoolResizeRequest("desk-??", 12, null, NOW), "dc1")).isFalse();
        assertThat(policy.needsApproval(new PoolResizeRequest("desk-??", 51, null, NOW), "dc1")).isTrue();
    }

    @Test
    void theReasonsSayWhyInTheReadersLanguage() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        assertThat(policy.reasons(new PoolResizeRequest("desk-??", 4, null, NOW), "dc1"))
                .extracting(reason -> reason.in(english))
                .containsExactly("shrinks the pool from 10 to 4 VMs, removing 6");
        assertThat(policy.reasons(new PoolRevokeRequest("desk-??", "contractors", "UserRole", null, NOW), "dc1"))
                .extracting(reason -> reason.in(english))
                .containsExactly("pool revoke always needs an approver here");
        assertThat(policy.reasons(new PoolResizeRequest("desk-??", 60, null, NOW), "dc1"))
                .extracting(reason -> reason.in(english))
                .containsExactly("the pool would have 60 VMs, more than 50");
    }

    @Test
    void aPoolWhoseSizeCannotBeReadCountsAsShrinking() {
        assertThat(policy.needsApproval(new PoolResizeRequest("gone-??", 12, null, NOW), "dc1")).isTrue();
        ApprovalPolicy blind = new ApprovalPolicy(DEFAULTS, (site, pool) -> {
            throw new IllegalStateException("engine unreachable");
        });
        assertThat(blind.needsApproval(new PoolResizeRequest("desk-??", 12, null, NOW), "dc1")).isTrue();
    }

    @Test
    void revokingARoleWaitsForAnApproverUnlessTheConfigurationSaysOtherwise() {
        PoolRevokeRequest revoke = new PoolRevokeRequest("desk-??", "contractors", "UserRole", null, NOW);
        assertThat(policy.needsApproval(revoke, "dc1")).isTrue();

        ApprovalPolicy relaxed = new ApprovalPolicy(new VdibotProperties.Approval(Set.of("pool.delete"), 50, true,
                false, java.time.Duration.ofHours(4), java.time.Duration.ofDays(3)), (site, pool) -> OptionalInt.of(10));
        assertThat(relaxed.needsApproval(revoke, "dc1")).isFalse();
        assertThat(relaxed.needsApproval(new PoolResizeRequest("desk-??", 8, null, NOW), "dc1")).isFalse();
    }
}
