package io.vdibot.rhev.inventory;

import java.util.List;

/**
 * A storage domain.
 *
 * @param type          {@code data}, {@code export}, {@code iso}, …
 * @param status        the status in the data center it is attached to ({@code active}, {@code maintenance}, …),
 *                      or {@code unattached}; the engine only reports the per-data-center status under
 *                      {@code /datacenters/{id}/storagedomains}
 * @param dataCenterIds the data centers it is attached to, empty when unattached
 */
public record StorageDomainInfo(String id, String name, String type, String status, boolean master,
                                long availableBytes, long usedBytes, List<String> dataCenterIds) {

    public StorageDomainInfo {
        dataCenterIds = List.copyOf(dataCenterIds);
    }
}
