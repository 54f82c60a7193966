package io.vdibot.rhev.inventory;

import java.util.List;
import java.util.Optional;

/**
 * A VM as listed by the engine.
 *
 * @param status      the engine's value, e.g. {@code image_locked}, {@code down}, {@code up}
 * @param hostId      where it runs, null when it does not
 * @param poolId      its pool, null when it is not a pool VM
 * @param addresses   addresses reported by the guest agent (IPv4 first), empty until the agent reports
 * @param permissions grants on the VM itself (a pool VM handed to a user carries that user's grant), empty when
 *                    they were not asked for
 * @param osType      the engine's operating system type, e.g. {@code rhel_9x64}, {@code windows_11}; null when unknown
 * @param illegalImages a disk of the VM is illegal ({@code has_illegal_images}): its creation or a snapshot
 *                    failed, and the engine will not run it
 * @param comment     the engine's comment, where the bot names the task that created the VM; null when unknown
 */
public record VmInfo(String id, String name, String description, String status, String clusterId, String hostId,
                     String templateId, String poolId, List<String> addresses, String fqdn, long memoryBytes,
                     int cpus, List<PermissionInfo> permissions, String osType, boolean illegalImages,
                     String comment) {

    public VmInfo {
        addresses = List.copyOf(addresses);
        permissions = List.copyOf(permissions);
    }

    /** A VM whose engine comment is not known. */
    public VmInfo(String id, String name, String description, String status, String clusterId, String hostId,
                  String templateId, String poolId, List<String> addresses, String fqdn, long memoryBytes,
                  int cpus, List<PermissionInfo> permissions, String osType, boolean illegalImages) {
        this(id, name, description, status, clusterId, hostId, templateId, poolId, addresses, fqdn, memoryBytes,
                cpus, permissions, osType, illegalImages, null);
    }

    /** A VM whose disks are not known to be illegal. */
    public VmInfo(String id, String name, String description, String status, String clusterId, String hostId,
                  String templateId, String poolId, List<String> addresses, String fqdn, long memoryBytes,
                  int cpus, List<PermissionInfo> permissions, String osType) {
        this(id, name, description, status, clusterId, hostId, templateId, poolId, addresses, fqdn, memoryBytes,
                cpus, permissions, osType, false);
    }

    /** A VM whose operating system is not known. */
    public VmInfo(String id, String name, String description, String status, String clusterId, String hostId,
                  String templateId, String poolId, List<String> addresses, String fqdn, long memoryBytes,
                  int cpus, List<PermissionInfo> permissions) {
        this(id, name, description, status, clusterId, hostId, templateId, poolId, addresses, fqdn, memoryBytes,
                cpus, permissions, null);
    }

    /** A VM listed without its permissions. */
    public VmInfo(String id, String name, String description, String status, String clusterId, String hostId,
                  String templateId, String poolId, List<String> addresses, String fqdn, long memoryBytes,
                  int cpus) {
        this(id, name, description, status, clusterId, hostId, templateId, poolId, addresses, fqdn, memoryBytes,
                cpus, List.of());
    }

    /** Running and usable; a VM powering up or migrating is counted when it gets there. */
    public boolean isUp() {
        return "up".equals(status);
    }

    /** Runs Windows, by the engine's OS types ({@code windows_10x64}, {@code windows_2022} …). */
    public boolean isWindows() {
        return osType != null && osType.startsWith("windows");
    }

    /** The users granted a role on this VM: whom it is assigned to. */
    public List<String> userIds() {
        return permissions.stream().filter(PermissionInfo::toUser).map(PermissionInfo::userId).distinct().toList();
    }

    /**
     * The first IPv4 address the guest reported that someone could connect to. Loopback and link-local
     * (169.254.x.x, what Windows assigns itself when DHCP does not answer) do not count.
     */
    public Optional<String> ipv4() {
        return addresses.stream().filter(VmInfo::isIpv4)
                .filter(a -> !a.startsWith("127.") && !a.startsWith("169.254.")).findFirst();
    }

    static boolean isIpv4(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
