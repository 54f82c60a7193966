package io.vdibot.rhev.pool;

import io.vdibot.commands.handler.Violation;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the engine gives a pool's VMs: {@code NAME-N}, or, when the pool name holds a run of {@code ?}, that run
 * replaced by the number zero-padded to its width ({@code dev-??} → {@code dev-01}). Numbering starts at 1 and skips
 * names another VM of the data center has, so a mask of N {@code ?} names at most 10^N−1 VMs, and fewer when other
 * VMs already hold some of those names.
 */
final class PoolNameMask {

    private static final Pattern MASK = Pattern.compile("\\?+");
    /** From this width on a mask numbers more VMs than an int counts; no pool comes near. */
    private static final int UNBOUNDED_WIDTH = 10;

    private final Pattern filled;
    private final int width;

    private PoolNameMask(String poolName, Matcher mask) {
        this.width = mask.group().length();
        this.filled = Pattern.compile(Pattern.quote(poolName.substring(0, mask.start())) + "(\\d{" + width + "})"
                + Pattern.quote(poolName.substring(mask.end())));
    }

    /** The mask of a pool name; empty when the engine appends {@code -N} instead. */
    static Optional<PoolNameMask> of(String poolName) {
        Matcher mask = MASK.matcher(poolName);
        return mask.find() ? Optional.of(new PoolNameMask(poolName, mask)) : Optional.empty();
    }

    /** The longest name the engine will give a VM of this pool: the mask filled, or {@code -N} appended. */
    static String longestVmName(String poolName, int size) {
        Matcher mask = MASK.matcher(poolName);
        if (!mask.find()) {
            return poolName + "-" + size;
        }
        return poolName.replace(mask.group(), String.format("%0" + mask.group().length() + "d", size));
    }

    /**
     * Whether the pool can have {@code size} VMs as the engine names them: refused with the numbers when its mask
     * runs out, counting the names VMs outside the pool ({@code poolId}, null for a pool not created yet) hold.
     */
    static Optional<Violation> room(String poolName, String poolId, int size, List<VmInfo> siteVms, String site) {
        Optional<PoolNameMask> mask = of(poolName);
        if (mask.isEmpty() || mask.get().width >= UNBOUNDED_WIDTH) {
            return Optional.empty();
        }
        int capacity = mask.get().capacity();
        long taken = siteVms.stream().filter(vm -> poolId == null || !Objects.equals(poolId, vm.poolId()))
                .filter(vm -> mask.get().names(vm.name())).count();
        long room = capacity - taken;
        if (size <= room) {
            return Optional.empty();
        }
        return Optional.of(taken == 0
                ? Violation.of("size", "validate.pool-mask-size", poolName, size, capacity)
                : Violation.of("size", "validate.pool-mask-taken", poolName, size, capacity, taken, room, site));
    }

    /** The most VMs the mask numbers: 10^width − 1. */
    int capacity() {
        return (int) Math.pow(10, width) - 1;
    }

    /** Whether the engine could give {@code vmName} to a VM of this pool (numbers start at 1). */
    boolean names(String vmName) {
        Matcher m = filled.matcher(vmName);
        return m.matches() && Integer.parseInt(m.group(1)) > 0;
    }
}
