package io.vdibot.rhev.inventory;

import java.util.List;
import java.util.Map;

/**
 * A storage domain.
 *
 * @param type               {@code data}, {@code export}, {@code iso}, …
 * @param status             the status in the (first) data center it is attached to ({@code active},
 *                           {@code maintenance}, …), or {@code unattached}; the engine only reports the
 *                           per-data-center status under {@code /datacenters/{id}/storagedomains}
 * @param dataCenterIds      the data centers it is attached to, empty when unattached
 * @param statusByDataCenter its status in each data center it is attached to (an export domain may be attached to
 *                           several, active in one and in maintenance in another), by data center id
 */
public record StorageDomainInfo(String id, String name, String type, String status, boolean master,
                                long availableBytes, long usedBytes, List<String> dataCenterIds,
                                Map<String, String> statusByDataCenter) {

    public StorageDomainInfo {
        dataCenterIds = List.copyOf(dataCenterIds);
        statusByDataCenter = Map.copyOf(statusByDataCenter);
    }

    /** A domain whose status is known for its first data center only. */
    public StorageDomainInfo(String id, String name, String type, String status, boolean master,
                             long availableBytes, long usedBytes, List<String> dataCenterIds) {
        this(id, name, type, status, master, availableBytes, usedBytes, dataCenterIds, Map.of());
    }
}
