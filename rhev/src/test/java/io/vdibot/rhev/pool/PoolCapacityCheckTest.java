package io.vdibot.rhev.pool;

import static io.vdibot.rhev.support.RecordingTask.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vdibot.commands.handler.TaskFailure;
import io.vdibot.commands.handler.TaskOutcome;
import io.vdibot.commands.handler.TaskStatus;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.support.RecordingTask;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capacity check against the seed estate: dc1's Infra cluster has one host up (256 GiB) running par-jump-01
 * (4 GiB), and the template rhel8-server gives VMs of 4 GiB; Linux-Desktops has two hosts of 512 GiB.
 */
class PoolCapacityCheckTest {

    /** What par-hv-i01 can still take: 256 GiB less 256 MiB reserved, par-jump-01 and its 65 MiB overhead. */
    private static final String INFRA_FREE = "251.7 GiB";

    private static PoolFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new PoolFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static PoolCreateRequest create(String name, String template, int size, Integer prestarted) {
        return new PoolCreateRequest(name, template, size, null, prestarted, null, null, null, null, "dc1", null,
                null, null, null, PoolFixture.now());
    }

    private static List<Violation> validate(PoolCreateRequest request, PoolLimits limits) {
        return fixture.handler(PoolCreateRequest.class, limits, PoolFixture.FAST).validate(request, "dc1");
    }

    @Test
    void aPoolStartingMoreThanTheClusterHasFreeIsRefusedBeforeItIsAcceptedWithTheNumbers() {
        assertThat(validate(create("cap-big", "rhel8-server", 200, 200), PoolLimits.DEFAULTS)).containsExactly(
                Violation.of("prestarted", "pool.capacity.refused", "cap-big", "200", "4 GiB", "800 GiB", "Infra",
                        "dc1", INFRA_FREE, "100"));
        // the same pool with no VM started needs no memory; a refuse ratio of 0 turns the refusal off
        assertThat(validate(create("cap-big", "rhel8-server", 200, 0), PoolLimits.DEFAULTS)).isEmpty();
        assertThat(validate(create("cap-big", "rhel8-server", 200, 200), new PoolLimits(238, 24, 0.8, 0))).isEmpty();
        // the cluster asked for counts, not the template's
        assertThat(validate(new PoolCreateRequest("cap-linux", "rhel8-server", 200, null, 200, null, null, null, null,
                "dc1", "Linux-Desktops", null, null, null, PoolFixture.now()), PoolLimits.DEFAULTS)).isEmpty();
    }

    @Test
    void aGrowIsRefusedOnlyForTheNewVmsThePoolWillStart() {
        // eng-rhel9-?? keeps no VM prestarted: growing it starts nothing
        PoolResizeRequest grow = new PoolResizeRequest("eng-rhel9-??", 90, "dc1", PoolFixture.now());
        PoolLimits strict = new PoolLimits(238, 24, 0.8, 0.000001);
        assertThat(fixture.handler(PoolResizeRequest.class, strict, PoolFixture.FAST).validate(grow, "dc1"))
                .isEmpty();
        prestarted("eng-rhel9-??", 6);
        try {
            // two of its VMs run: four of the new ones will be started, 16 GiB
            assertThat(fixture.handler(PoolResizeRequest.class, strict, PoolFixture.FAST).validate(grow, "dc1"))
                    .singleElement().satisfies(v -> {
                        assertThat(v.key()).isEqualTo("pool.capacity.refused");
                        assertThat(v.field()).isEqualTo("size");
                        assertThat(v.args().subList(0, 5).stream().map(String::valueOf)).containsExactly("eng-rhel9-??", "4", "4 GiB", "16 GiB",
                                "Linux-Desktops");
                    });
        } finally {
            prestarted("eng-rhel9-??", 0);
        }
    }

    /** Sets a seeded pool's prestarted count behind the bot's back (the engine's monitor is not woken for it). */
    private static void prestarted(String pool, int count) {
        fixture.engine("dc1").write(() -> {
            fixture.engine("dc1").estate().pools.values().stream().filter(p -> p.name.equals(pool))
                    .forEach(p -> p.prestartedVms = count);
            return null;
        });
        fixture.inventory().refresh("dc1");
    }

    @Test
    void theTaskChecksAgainWhenItStartsRefusingWithoutCreatingAnythingOrWarningAndGoingOn() {
        RecordingTask refused = RecordingTask.of("T6001", create("cap-late", "rhel8-server", 200, 200), "dc1");
        assertThatThrownBy(() -> run(fixture.handler(PoolCreateRequest.class, PoolLimits.DEFAULTS, PoolFixture.FAST),
                refused)).isInstanceOf(TaskFailure.class).hasMessage("Pool cap-late would start 200 × 4 GiB = 800 GiB "
                + "of VM memory in cluster Infra at site dc1, which has " + INFRA_FREE + " free on its hosts that are "
                + "up: more than the 100% of it the bot allows (setting vdibot.limits.capacity.refuse-ratio). Ask "
                + "for fewer VMs to start (prestarted), or use a cluster with more room.");
        assertThat(fixture.pool("dc1", "cap-late")).isEmpty();
        assertThat(refused.journal().executed()).containsExactly("preflight");

        // Win-Desktops has room for them, but the warn ratio is set very low
        RecordingTask warned = RecordingTask.of("T6002", create("cap-warn", "win10-22h2", 2, 2), "dc1");
        TaskOutcome outcome = run(fixture.handler(PoolCreateRequest.class, new PoolLimits(238, 24, 0.001, 1.0),
                PoolFixture.FAST), warned);

        assertThat(outcome.status()).isEqualTo(TaskStatus.SUCCEEDED);
        String warning = "Memory is getting short: pool cap-warn will start 2 × 8 GiB = 16 GiB of VM memory in "
                + "cluster Win-Desktops at site dc1, which has \\d+(\\.\\d)? GiB free on its hosts that are up: "
                + "more than the 0\\.1% of it above which the bot warns \\(setting "
                + "vdibot\\.limits\\.capacity\\.warn-ratio\\)\\. The engine may refuse to start some VMs, "
                + "now or later\\.";
        assertThat(warned.milestones().get(0).tone()).isEqualTo(Reply.Tone.WARNING);
        assertThat(warned.milestones().get(0).plainText()).matches(warning + "\n");
        assertThat(warned.deployLog()).anyMatch(line -> line.matches(warning));
        assertThat(fixture.vmsOf("dc1", "cap-warn")).hasSize(2).allSatisfy(vm -> assertThat(vm.status)
                .isEqualTo("up"));
    }
}
