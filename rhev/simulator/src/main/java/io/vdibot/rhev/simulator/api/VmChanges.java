package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.engine.VmUpdate;
import java.util.List;
import org.ovirt.engine.sdk4.types.Vm;

/** Reads the fields of a {@code PUT /vms/{id}} body that the simulator models into a {@link VmUpdate.Change}. */
final class VmChanges {

    private VmChanges() {
    }

    static VmUpdate.Change of(Vm body) {
        Integer sockets = null;
        Integer cores = null;
        if (body.cpu() != null && body.cpu().topology() != null) {
            sockets = body.cpu().topology().socketsPresent() ? body.cpu().topology().socketsAsInteger() : null;
            cores = body.cpu().topology().coresPresent() ? body.cpu().topology().coresAsInteger() : null;
        }
        Boolean ha = null;
        Integer priority = null;
        if (body.highAvailability() != null) {
            ha = body.highAvailability().enabledPresent() ? body.highAvailability().enabled() : null;
            priority = body.highAvailability().priorityPresent() ? body.highAvailability().priorityAsInteger() : null;
        }
        String leaseDomain = null;
        Boolean removeLease = null;
        if (body.lease() != null) {
            // an empty <lease/> removes it, as on the engine
            if (body.lease().storageDomain() != null && body.lease().storageDomain().id() != null) {
                leaseDomain = body.lease().storageDomain().id();
            } else {
                removeLease = true;
            }
        }
        String affinity = null;
        List<String> hosts = null;
        if (body.placementPolicy() != null) {
            affinity = body.placementPolicy().affinity() == null ? null : body.placementPolicy().affinity().value();
            hosts = body.placementPolicy().hostsPresent()
                    ? body.placementPolicy().hosts().stream().map(h -> h.id() != null ? h.id() : h.name()).toList() : null;
        }
        Boolean console = body.console() != null && body.console().enabledPresent() ? body.console().enabled() : null;
        String display = body.display() != null && body.display().type() != null
                ? body.display().type().value() : null;
        Integer monitors = body.display() != null && body.display().monitorsPresent()
                ? body.display().monitorsAsInteger() : null;
        return new VmUpdate.Change(body.name(), body.description(), body.comment(),
                body.memoryPresent() ? body.memoryAsLong() : null, sockets, cores, ha, priority, leaseDomain,
                removeLease, affinity, hosts, console, display, monitors);
    }
}
