package io.vdibot.rhev.inventory;

/**
 * One template version. All versions of a template share its name; version 1 is the base.
 *
 * @param status      the engine's value: {@code ok}, {@code locked} (being created, copied, or used to build a
 *                    pool) or {@code illegal}
 * @param clusterId   the cluster the template belongs to; its data center scopes the template
 * @param memoryBytes memory of VMs made from it
 * @param cpus        sockets × cores of VMs made from it
 * @param guaranteedMemoryBytes memory the engine guarantees VMs made from it ({@code memory_policy/guaranteed}),
 *                    0 when not set
 * @param comment     the engine's comment, where the bot names the task that created the template
 */
public record TemplateInfo(String id, String name, int version, String versionName, String status,
                           String clusterId, String osType, long memoryBytes, int cpus, String description,
                           long guaranteedMemoryBytes, String comment) {

    /** A template whose engine comment is not known. */
    public TemplateInfo(String id, String name, int version, String versionName, String status, String clusterId,
                        String osType, long memoryBytes, int cpus, String description, long guaranteedMemoryBytes) {
        this(id, name, version, versionName, status, clusterId, osType, memoryBytes, cpus, description,
                guaranteedMemoryBytes, null);
    }

    /** A template whose guaranteed memory is not known. */
    public TemplateInfo(String id, String name, int version, String versionName, String status, String clusterId,
                        String osType, long memoryBytes, int cpus, String description) {
        this(id, name, version, versionName, status, clusterId, osType, memoryBytes, cpus, description, 0);
    }

    /** The engine's id of the Blank template, which every engine has and nobody deploys from. */
    public static final String BLANK_ID = "00000000-0000-0000-0000-000000000000";

    public boolean isOk() {
        return "ok".equals(status);
    }

    public boolean isLocked() {
        return "locked".equals(status);
    }

    public boolean isBlank() {
        return BLANK_ID.equals(id);
    }

    /** What a running VM made from it holds of its host: the guaranteed memory when set, else all its memory. */
    public long memoryToRun() {
        return guaranteedMemoryBytes > 0 ? guaranteedMemoryBytes : memoryBytes;
    }
}
