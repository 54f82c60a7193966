package io.vdibot.rhev.pool;

/**
 * What preflight settled for a new pool: the exact template version and whether the pool follows the template's
 * newest version, the cluster, and the group and role to grant (null when none). Journaled as ids, so that a
 * resumed task builds the pool from what was checked, not from whatever the names point at by then.
 */
record PoolCreatePlan(String templateId, boolean followLatest, String clusterId, String groupId, String roleId) {

    private static final String NONE = "-";

    String journal() {
        return String.join(" ", templateId, Boolean.toString(followLatest), clusterId, orNone(groupId),
                orNone(roleId));
    }

    static PoolCreatePlan parse(String journal) {
        String[] parts = journal.split(" ");
        return new PoolCreatePlan(parts[0], Boolean.parseBoolean(parts[1]), parts[2], orNull(parts[3]),
                orNull(parts[4]));
    }

    boolean grants() {
        return groupId != null;
    }

    private static String orNone(String id) {
        return id == null ? NONE : id;
    }

    private static String orNull(String value) {
        return NONE.equals(value) ? null : value;
    }
}
