package io.vdibot.rhev.vm;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.view.InventoryKind;
import io.vdibot.rhev.inventory.InventoryCache;
import io.vdibot.rhev.inventory.PoolInfo;
import io.vdibot.rhev.inventory.VmInfo;
import io.vdibot.rhev.view.NearNames;
import java.util.List;

/**
 * The one VM a snapshot command names: known at the site (else the names close to it), one of that name (names
 * are unique per data center only, and the bot does not guess), and in no pool, whose VMs the pool makes from its
 * template and hands out again.
 */
final class VmTarget {

    private VmTarget() {
    }

    /** The VMs named {@code name}, looked for again after a refresh when the cache has none (created a moment ago). */
    static List<VmInfo> named(InventoryCache inventory, String site, String name) {
        List<VmInfo> named = inventory.vmsNamed(site, name);
        if (named.isEmpty()) {
            inventory.refresh(site);
            named = inventory.vmsNamed(site, name);
        }
        return named;
    }

    /** @param inPoolKey the command's refusal of a pool VM, with the VM and the pool as arguments */
    static List<Violation> check(List<VmInfo> named, String name, String site, List<PoolInfo> pools,
            List<String> siteVmNames, String inPoolKey) {
        if (named.isEmpty()) {
            List<String> near = NearNames.of(name, siteVmNames);
            return List.of(near.isEmpty() ? Violation.of("name", "validate.vm-unknown", name, site)
                    : Violation.of("name", "validate.vm-unknown-near", name, site, String.join(", ", near)));
        }
        if (named.size() > 1) {
            return List.of(Violation.of("name", "vm.power.ambiguous", named.size(), name, site));
        }
        String poolId = named.get(0).poolId();
        if (poolId == null) {
            return List.of();
        }
        String pool = pools.stream().filter(p -> poolId.equals(p.id())).map(PoolInfo::name).findFirst()
                .orElse(poolId);
        return List.of(Violation.of("name", inPoolKey, name, pool));
    }

    /** {@link #check} against the cached inventory. */
    static List<Violation> check(InventoryCache inventory, List<VmInfo> named, String name, String site,
            String inPoolKey) {
        return check(named, name, site, inventory.pools(site),
                named.isEmpty() ? inventory.names(site, InventoryKind.VMS, "", Integer.MAX_VALUE) : List.of(),
                inPoolKey);
    }
}
