package io.vdibot.rhev.simulator.engine;

import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import java.util.Set;

/**
 * A storage domain's status inside its data center and the check every storage command makes on it
 * first: an allowed status passes, a transitional one reads as "related operation in progress",
 * anything else is named in the refusal.
 */
final class DomainStatuses {

    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";
    static final String UNKNOWN = "unknown";
    static final String LOCKED = "locked";
    static final String ACTIVATING = "activating";
    static final String PREPARING_FOR_MAINTENANCE = "preparing_for_maintenance";
    static final String MAINTENANCE = "maintenance";
    static final String DETACHING = "detaching";
    static final String UNATTACHED = "unattached";

    /** What StorageDomainStatus.isStorageDomainInProcess() calls transitional. */
    private static final Set<String> IN_PROCESS = Set.of(LOCKED, PREPARING_FOR_MAINTENANCE, DETACHING, ACTIVATING);

    private DomainStatuses() {
    }

    /** The status the engine reports for the domain: its per-data-center status, or unattached. */
    static String of(StorageDomainEntity domain) {
        return domain.dataCenterId == null || domain.status == null ? UNATTACHED : domain.status;
    }

    static boolean inProcess(String status) {
        return IN_PROCESS.contains(status);
    }

    /** StorageDomainCommandBase.checkStorageDomainStatus. */
    static void require(StorageDomainEntity domain, String action, String type, String... allowed) {
        String status = of(domain);
        if (Set.of(allowed).contains(status)) {
            return;
        }
        if (inProcess(status)) {
            throw EngineFault.conflict(EngineMessages.objectLocked(action, type));
        }
        throw EngineFault.conflict(EngineMessages.storageDomainStatusIllegal(action, type, status));
    }

    /** StorageDomainValidator.isDomainExistAndActive: anything but active is named, transitional or not. */
    static void requireActive(StorageDomainEntity domain, String action, String type) {
        String status = of(domain);
        if (!ACTIVE.equals(status)) {
            throw EngineFault.conflict(EngineMessages.storageDomainStatusIllegal(action, type, status));
        }
    }
}
