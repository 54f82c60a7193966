package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.TaskHandler;
import io.vdibot.commands.reply.Reply;
import io.vdibot.commands.reply.TableBlock;
import io.vdibot.commands.schedule.Schedule;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.rhev.call.EngineCalls;
import io.vdibot.rhev.call.RetryPolicy;
import io.vdibot.rhev.call.Sleeper;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.InventoryQueries;
import io.vdibot.rhev.simulator.engine.Engine;
import io.vdibot.rhev.simulator.model.PermissionEntity;
import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import io.vdibot.rhev.support.Sites;
import io.vdibot.rhev.wait.Pace;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Two simulated sites at a hundredth of real time, and what the pool handler tests need to look into them: the
 * pools and VMs as the engine holds them, and handlers with waits sized for that time scale.
 */
final class PoolFixture implements AutoCloseable {

    /** Looks every 10 ms at first; a batch of a few VMs takes about half a second at this time scale. */
    static final PoolTimings FAST = new PoolTimings(new Pace(Duration.ofMillis(10), Duration.ofMillis(100), 0.03,
            0.8), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(10), 4);

    private final Sites sites;
    private final InventoryCache inventory;

    PoolFixture() {
        sites = Sites.start();
        EngineCalls calls = new EngineCalls(sites.connections(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)), Sleeper.system());
        inventory = new InventoryCache(new InventoryQueries(calls));
    }

    Sites sites() {
        return sites;
    }

    InventoryCache inventory() {
        return inventory;
    }

    Engine engine(String site) {
        return sites.simulator().site(site).engine();
    }

    /** The handler of {@code type} from the pool handlers' table, with these limits and waits. */
    @SuppressWarnings("unchecked")
    <R extends TaskRequest> TaskHandler<R> handler(Class<R> type, PoolLimits limits, PoolTimings timings) {
        return PoolHandlers.all(inventory, limits, timings, Clock.systemUTC(), Sleeper.system()).stream()
                .filter(handler -> handler.requestType() == type).map(handler -> (TaskHandler<R>) handler)
                .findFirst().orElseThrow();
    }

    static Schedule now() {
        return Schedule.immediately(Clock.systemUTC(), ZoneId.of("UTC"));
    }

    Optional<PoolEntity> pool(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().pools.values().stream().filter(p -> p.name.equals(name))
                .findFirst());
    }

    long poolsNamed(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().pools.values().stream().filter(p -> p.name.equals(name)).count());
    }

    List<VmEntity> vmsOf(String site, String poolName) {
        Engine engine = engine(site);
        return engine.read(() -> {
            PoolEntity pool = engine.estate().pools.values().stream().filter(p -> p.name.equals(poolName))
                    .findFirst().orElse(null);
            if (pool == null) {
                return List.<VmEntity>of();
            }
            return engine.estate().vms.values().stream().filter(vm -> pool.id.equals(vm.poolId))
                    .sorted(Comparator.comparing(vm -> vm.name, PoolJournal.NAME_ORDER)).toList();
        });
    }

    List<VmEntity> vmsNamed(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().vms.values().stream().filter(vm -> vm.name.equals(name)).toList());
    }

    List<PermissionEntity> poolPermissions(String site, String poolName) {
        Engine engine = engine(site);
        PoolEntity pool = pool(site, poolName).orElseThrow();
        return engine.read(() -> engine.estate().permissions.values().stream()
                .filter(p -> "vm_pool".equals(p.objectType) && pool.id.equals(p.objectId)).toList());
    }

    String groupId(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().groups.values().stream().filter(g -> g.name.equals(name))
                .findFirst().orElseThrow().id);
    }

    String roleId(String site, String name) {
        Engine engine = engine(site);
        return engine.read(() -> engine.estate().roles.values().stream().filter(r -> r.name.equals(name))
                .findFirst().orElseThrow().id);
    }

    /** Hands a pool VM to a user as the engine's allocation does: the user gets UserRole on it. */
    void assign(String site, VmEntity vm, String userName) {
        Engine engine = engine(site);
        engine.write(() -> {
            var user = engine.estate().users.values().stream().filter(u -> u.userName.startsWith(userName + "@"))
                    .findFirst().orElseThrow();
            PermissionEntity permission = new PermissionEntity();
            permission.id = engine.newId();
            permission.roleId = "00000000-0000-0000-0001-000000000001";
            permission.userId = user.id;
            permission.objectType = "vm";
            permission.objectId = vm.id;
            engine.estate().permissions.put(permission.id, permission);
            engine.estate().vms.get(vm.id).assignedUserId = user.id;
            return null;
        });
    }

    static TableBlock table(Reply reply, String firstHeader) {
        return reply.blocks().stream().filter(TableBlock.class::isInstance).map(TableBlock.class::cast)
                .filter(t -> t.headers().get(0).equals(firstHeader)).findFirst().orElseThrow();
    }

    void clearFaults() {
        sites.simulator().sites().forEach(site -> site.faults().clear());
        inventory.sites().forEach(inventory::refresh);
    }

    @Override
    public void close() {
        sites.close();
    }
}
