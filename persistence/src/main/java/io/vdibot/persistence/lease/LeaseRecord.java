package io.vdibot.persistence.lease;

import java.time.Instant;

/**
 * A shared resource held by one task.
 *
 * @param resourceKey e.g. {@code export-domain:<id>}
 * @param ownerNode   the node running the holding task
 * @param note        why it is held, for operators listing leases
 */
public record LeaseRecord(String resourceKey, String ownerNode, long taskId, Instant acquiredAt, String note) {
}
