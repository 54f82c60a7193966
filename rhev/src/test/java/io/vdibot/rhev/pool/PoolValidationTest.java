package io.vdibot.rhev.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolDeleteRequest;
import io.vdibot.commands.pool.PoolGrantRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.pool.PoolRevokeRequest;
import io.vdibot.commands.pool.PoolUpdateRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.rhev.call.Sleeper;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks of pool requests before they are accepted, against the seed estate: dc1 has the pools finance-win10
 * and eng-rhel9-??, the template rhel9-desktop, the group contractors and the role UserRole.
 */
class PoolValidationTest {

    private static final PoolLimits LIMITS = new PoolLimits(10, 3);

    private static PoolFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static <R extends TaskRequest> List<String> keys(Class<R> type, R request) {
        return violations(type, request, LIMITS).stream().map(Violation::key).toList();
    }

    private static <R extends TaskRequest> List<Violation> violations(Class<R> type, R request, PoolLimits limits) {
        TaskHandler<R> handler = fixture.handler(type, limits, PoolFixture.FAST);
        return handler.validate(request, "dc1");
    }

    private static Violation only(List<Violation> violations) {
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    private static PoolCreateRequest create(String name, String template, int size, Integer batch, String group,
            String role) {
        return new PoolCreateRequest(name, template, size, batch, null, null, null, null, null, "dc1", null, group,
                role, null, PoolFixture.now());
    }

    @Test
    void aPoolIsCreatedWithinTheLimitsFromAKnownTemplateUnderAFreeName() {
        assertThat(keys(PoolCreateRequest.class, create("v-new", "rhel9-desktop", 10, 3, "contractors",
                "UserRole"))).isEmpty();
        assertThat(keys(PoolCreateRequest.class, create("finance-win10", "rhel5", 11, 4, "nobody", "NoRole")))
                .containsExactly("validate.pool-size-limit", "validate.pool-batch-limit",
                        "validate.template-unknown", "validate.pool-name-taken", "validate.group-unknown",
                        "validate.role-unknown");
    }

    @Test
    void aChangeNeedsAnExistingPoolAndForAccessAKnownGroupAndRole() {
        assertThat(keys(PoolResizeRequest.class, new PoolResizeRequest("finance-win10", 8, "dc1",
                PoolFixture.now()))).isEmpty();
        assertThat(keys(PoolResizeRequest.class, new PoolResizeRequest("no-such-pool", 11, "dc1",
                PoolFixture.now()))).containsExactly("validate.pool-size-limit", "validate.pool-unknown");
        assertThat(keys(PoolGrantRequest.class, new PoolGrantRequest("finance-win10", "contractors", "UserRole",
                "dc1", PoolFixture.now()))).isEmpty();
        assertThat(keys(PoolRevokeRequest.class, new PoolRevokeRequest("no-such-pool", "nobody", "NoRole", "dc1",
                PoolFixture.now()))).containsExactly("validate.pool-unknown", "validate.group-unknown",
                "validate.role-unknown");
        assertThat(keys(PoolUpdateRequest.class, new PoolUpdateRequest("no-such-pool", "x", null, null, "dc1",
                PoolFixture.now()))).containsExactly("validate.pool-unknown");
        assertThat(keys(PoolDeleteRequest.class, new PoolDeleteRequest("eng-rhel9-??", "dc1", PoolFixture.now())))
                .isEmpty();
    }

    @Test
    void aNameMaskHoldsTenToTheNumberOfItsMarksLessOneVmsLessTheNamesOtherVmsHave() {
        assertThat(only(violations(PoolCreateRequest.class, create("dev-?", "rhel9-desktop", 12, null, null, null),
                PoolLimits.DEFAULTS))).isEqualTo(Violation.of("size", "validate.pool-mask-size", "dev-?", 12, 9));
        assertThat(only(violations(PoolCreateRequest.class, create("dev-??", "rhel9-desktop", 150, null, null, null),
                PoolLimits.DEFAULTS))).isEqualTo(Violation.of("size", "validate.pool-mask-size", "dev-??", 150,
                99));
        assertThat(keys(PoolCreateRequest.class, create("dev-?", "rhel9-desktop", 9, null, null, null))).isEmpty();
        // par-jump-01 is a VM of dc1 outside any pool: the engine skips its name, so the pool has one name less
        assertThat(only(violations(PoolCreateRequest.class, create("par-jump-??", "rhel9-desktop", 99, null, null,
                null), PoolLimits.DEFAULTS))).isEqualTo(Violation.of("size", "validate.pool-mask-taken",
                "par-jump-??", 99, 99, 1, 98, "dc1"));
        assertThat(violations(PoolCreateRequest.class, create("par-jump-??", "rhel9-desktop", 98, null, null,
                null), PoolLimits.DEFAULTS)).isEmpty();
        // the pool's own VMs eng-rhel9-01 … 04 do not count against it when it grows
        assertThat(violations(PoolResizeRequest.class, new PoolResizeRequest("eng-rhel9-??", 99, "dc1",
                PoolFixture.now()), PoolLimits.DEFAULTS)).isEmpty();
        assertThat(only(violations(PoolResizeRequest.class, new PoolResizeRequest("eng-rhel9-??", 100, "dc1",
                PoolFixture.now()), PoolLimits.DEFAULTS)).key()).isEqualTo("validate.pool-mask-size");
    }

    @Test
    void aChangeThatWouldDoNothingOrCannotWorkIsRefusedWithTheNumbers() {
        // finance-win10 has 6 VMs, 4 of them running; the group finance-desktops has UserRole on it
        assertThat(only(violations(PoolResizeRequest.class, new PoolResizeRequest("finance-win10", 1, "dc1",
                PoolFixture.now()), LIMITS))).isEqualTo(Violation.of("size", "pool.resize.shrink-refused",
                "finance-win10", 6, 1, 5, 2, 4, 0));
        assertThat(keys(PoolResizeRequest.class, new PoolResizeRequest("finance-win10", 4, "dc1",
                PoolFixture.now()))).isEmpty();
        assertThat(only(violations(PoolResizeRequest.class, new PoolResizeRequest("finance-win10", 6, "dc1",
                PoolFixture.now()), LIMITS))).isEqualTo(Violation.of("size", "validate.pool-size-unchanged",
                "finance-win10", 6));
        assertThat(only(violations(PoolUpdateRequest.class, new PoolUpdateRequest("finance-win10", null, 7, null,
                "dc1", PoolFixture.now()), LIMITS))).isEqualTo(Violation.of("prestarted",
                "pool.update.prestarted-exceeds", 7, "finance-win10", 6));
        assertThat(keys(PoolUpdateRequest.class, new PoolUpdateRequest("finance-win10", null, 6, null, "dc1",
                PoolFixture.now()))).isEmpty();
        assertThat(keys(PoolGrantRequest.class, new PoolGrantRequest("finance-win10", "finance-desktops",
                "UserRole", "dc1", PoolFixture.now()))).containsExactly("validate.pool-already-granted");
        assertThat(keys(PoolRevokeRequest.class, new PoolRevokeRequest("finance-win10", "contractors", "UserRole",
                "dc1", PoolFixture.now()))).containsExactly("validate.pool-no-such-grant");
        assertThat(keys(PoolRevokeRequest.class, new PoolRevokeRequest("finance-win10", "finance-desktops",
                "UserRole", "dc1", PoolFixture.now()))).isEmpty();
    }

    @Test
    void everyPoolCommandHasOneHandler() {
        assertThat(PoolHandlers.all(fixture.inventory(), LIMITS, PoolFixture.FAST, Clock.systemUTC(),
                Sleeper.system())).extracting(handler -> (Object) handler.requestType()).containsExactlyInAnyOrder(
                PoolCreateRequest.class, PoolResizeRequest.class, PoolGrantRequest.class, PoolRevokeRequest.class,
                PoolUpdateRequest.class, PoolDeleteRequest.class);
    }
}
