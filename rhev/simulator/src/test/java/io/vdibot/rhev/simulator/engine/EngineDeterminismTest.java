package io.vdibot.rhev.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.rhev.simulator.clock.ManualClock;
import io.vdibot.rhev.simulator.faults.FaultPlan;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.EventEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.simulator.seed.EstateSeeder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The engine on a manual clock is a pure function of its script: the same calls at the same instants
 * give the same statuses, addresses and events at every instant, however the clock is stepped.
 */
class EngineDeterminismTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Call ADMIN = new Call("script", "admin@internal-authz");

    @Test
    void twoRunsOfTheSameScriptSeeTheSameStatesAtTheSameInstants() {
        List<String> first = runScript(Duration.ofSeconds(1));
        List<String> second = runScript(Duration.ofSeconds(1));
        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(301);
    }

    @Test
    void steppingTheClockCoarselyReachesTheSameStatesAsSteppingItFinely() {
        List<String> fine = runScript(Duration.ofSeconds(1));
        List<String> coarse = runScript(Duration.ofSeconds(20));
        // the coarse run samples every 20th instant of the fine one, and must see the same there
        List<String> fineAtCoarseInstants = new ArrayList<>();
        for (int i = 0; i < fine.size(); i += 20) {
            fineAtCoarseInstants.add(fine.get(i));
        }
        assertThat(coarse).isEqualTo(fineAtCoarseInstants);
    }

    @Test
    void aStartedVmPassesEachStatusForItsModelledDuration() {
        Script script = new Script();
        VmEntity vm = script.engine.write(() -> script.vms.add(ADMIN, newVm("timed-01")));
        assertThat(script.statusAt(0, vm)).isEqualTo("image_locked");
        assertThat(script.statusAt(7, vm)).isEqualTo("image_locked");
        assertThat(script.statusAt(8, vm)).isEqualTo("down");
        script.engine.write(() -> script.vms.start(ADMIN, vm.id, new VmOperations.StartOptions(null, null, null, null)));
        assertThat(script.statusAt(8, vm)).isEqualTo("wait_for_launch");
        assertThat(script.statusAt(10, vm)).isEqualTo("wait_for_launch");
        assertThat(script.statusAt(11, vm)).isEqualTo("powering_up");
        assertThat(script.statusAt(35, vm)).isEqualTo("powering_up");
        assertThat(script.statusAt(36, vm)).isEqualTo("up");
        assertThat(script.engine.read(() -> vm.reportedIps)).isEmpty();
        script.statusAt(56, vm);
        assertThat(script.engine.read(() -> List.copyOf(vm.reportedIps))).hasSize(1);
        script.engine.write(() -> script.vms.stop(ADMIN, vm.id, true));
        assertThat(script.statusAt(60, vm)).isEqualTo("powering_down");
        assertThat(script.statusAt(61, vm)).isEqualTo("down");
        assertThat(script.engine.read(() -> List.copyOf(vm.reportedIps))).isEmpty();
    }

    /**
     * Five minutes of a busy site: 40 generated VMs started at staggered times, 10 new ones created
     * and started, some stopped, shut down and removed. Returns one line per sample instant with
     * every VM's status and addresses and the events logged so far.
     */
    private static List<String> runScript(Duration step) {
        Script script = new Script();
        List<VmEntity> existing = script.engine.read(() -> script.estate.vms.values().stream()
                .filter(vm -> vm.isDown() && vm.poolId == null).limit(40).toList());
        List<String> created = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        long stepSeconds = step.toSeconds();
        for (int second = 0; second <= 300; second++) {
            int t = second;
            boolean acts = t < 40 || (t >= 5 && t < 15) || t == 120 || t == 121 || t == 150 || t == 200;
            if (acts) {
                script.engine.write(() -> {
                    if (t < 40) {
                        start(script, existing.get(t).id);
                    }
                    if (t >= 5 && t < 15) {
                        created.add(script.vms.add(ADMIN, newVm("burst-" + t)).id);
                    }
                    if (t >= 30 && t < 40) {
                        start(script, created.get(t - 30));
                    }
                    if (t == 120 || t == 121) {
                        script.vms.stop(ADMIN, existing.get(t - 120).id, false);
                    }
                    if (t == 150) {
                        script.vms.stop(ADMIN, existing.get(2).id, true);
                    }
                    if (t == 200) {
                        script.vms.remove(ADMIN, existing.get(0).id);
                    }
                    return null;
                });
            }
            // between actions the engine is only looked at when sampled, so a coarse step leaves
            // long stretches in which due changes pile up and are applied late, in one go
            if (t % stepSeconds == 0) {
                samples.add(t + " " + script.snapshot());
            }
            script.clock.advance(Duration.ofSeconds(1));
        }
        return samples;
    }

    private static void start(Script script, String vmId) {
        script.vms.start(ADMIN, vmId, new VmOperations.StartOptions(null, null, null, null));
    }

    private static VmOperations.NewVm newVm(String name) {
        return new VmOperations.NewVm(name, new Ref(null, "Linux-Desktops"), new Ref(null, "rhel9-desktop"), null, null,
                null, null, null, null, null, null, null);
    }

    /** One engine on a manual clock, seeded like dc1 with 300 generated VMs. */
    private static final class Script {
        final ManualClock clock = new ManualClock(T0);
        final Estate estate;
        final Engine engine;
        final VmOperations vms;

        Script() {
            SharedStorage shared = new SharedStorage();
            EstateSeeder seeder = new EstateSeeder(EstateSeeder.load(null), T0);
            estate = seeder.seed(0, "dc1", shared);
            seeder.scale(estate, 300);
            engine = new Engine(estate, shared, clock, EngineTiming.scaled(1.0), new FaultPlan());
            vms = new VmOperations(engine);
        }

        /** Moves the clock to {@code second} after the start and reads the VM's status there. */
        String statusAt(int second, VmEntity vm) {
            Duration ahead = Duration.between(clock.now(), T0.plusSeconds(second));
            clock.advance(ahead);
            return engine.read(() -> vm.status);
        }

        String snapshot() {
            return engine.read(() -> {
                Map<String, String> byName = new TreeMap<>();
                estate.vms.values().forEach(vm -> byName.put(vm.name, vm.status + vm.reportedIps));
                StringBuilder events = new StringBuilder();
                for (EventEntity event : estate.events) {
                    events.append(event.index).append(':').append(event.code).append('@')
                            .append(event.time.getEpochSecond()).append(' ');
                }
                return byName + " | " + events;
            });
        }
    }
}
