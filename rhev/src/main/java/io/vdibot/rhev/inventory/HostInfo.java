package io.vdibot.rhev.inventory;

/**
 * A host of a cluster.
 *
 * @param status                   the engine's value, e.g. {@code up}, {@code maintenance}, {@code non_responsive}
 * @param memoryBytes              physical memory, 0 when the engine did not say
 * @param maxSchedulingMemoryBytes what the engine's scheduler can still place on the host (its memory less what
 *                                 the VMs there and the host itself take, with the cluster's over-commit); null
 *                                 when the engine did not report it
 */
public record HostInfo(String id, String name, String address, String status, String clusterId, long memoryBytes,
                       Long maxSchedulingMemoryBytes) {

    /** A host whose memory is not known. */
    public HostInfo(String id, String name, String address, String status, String clusterId) {
        this(id, name, address, status, clusterId, 0, null);
    }

    public boolean isUp() {
        return "up".equals(status);
    }
}
