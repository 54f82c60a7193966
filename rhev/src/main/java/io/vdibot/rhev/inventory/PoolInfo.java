package io.vdibot.rhev.inventory;

/**
 * A VM pool.
 *
 * @param size       the number of VMs in the pool now
 * @param type       {@code automatic} or {@code manual}
 */
public record PoolInfo(String id, String name, String description, int size, int prestarted, int maxUserVms,
                       String type, boolean stateful, String clusterId, String templateId) {
}
