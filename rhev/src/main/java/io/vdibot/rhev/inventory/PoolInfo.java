package io.vdibot.rhev.inventory;

/**
 * A VM pool.
 *
 * @param size                     the number of VMs in the pool now
 * @param type                     {@code automatic} or {@code manual}
 * @param useLatestTemplateVersion the pool's VMs follow the newest version of the template
 * @param comment                  the engine's comment, where the bot names the task that created the pool
 */
public record PoolInfo(String id, String name, String description, int size, int prestarted, int maxUserVms,
                       String type, boolean stateful, String clusterId, String templateId,
                       boolean useLatestTemplateVersion, String comment) {

    /** A pool whose engine comment is not known. */
    public PoolInfo(String id, String name, String description, int size, int prestarted, int maxUserVms,
                    String type, boolean stateful, String clusterId, String templateId,
                    boolean useLatestTemplateVersion) {
        this(id, name, description, size, prestarted, maxUserVms, type, stateful, clusterId, templateId,
                useLatestTemplateVersion, null);
    }

    /** A pool pinned to its template version. */
    public PoolInfo(String id, String name, String description, int size, int prestarted, int maxUserVms,
                    String type, boolean stateful, String clusterId, String templateId) {
        this(id, name, description, size, prestarted, maxUserVms, type, stateful, clusterId, templateId, false);
    }
}
