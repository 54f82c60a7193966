package io.vdibot.core.intake;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.config.VdibotProperties;
import java.util.OptionalInt;

/**
 * Which requests wait for an approver: configured commands, pools above a size threshold, pools made smaller and VMs
 * with a script run as root.
 */
public final class ApprovalPolicy {

    /** How many VMs a pool has now; empty when there is no such pool. */
    @FunctionalInterface
    public interface PoolSizes {

        OptionalInt sizeOf(String site, String pool);
    }

    private final VdibotProperties.Approval settings;
    private final PoolSizes poolSizes;

    public ApprovalPolicy(VdibotProperties.Approval settings, PoolSizes poolSizes) {
        this.settings = settings;
        this.poolSizes = poolSizes;
    }

    /** @param site the site the request acts on, resolved */
    public boolean needsApproval(TaskRequest request, String site) {
        if (settings.commands().contains(request.commandId())) {
            return true;
        }
        if (request instanceof PoolCreateRequest create) {
            return create.size() > settings.poolSizeThreshold();
        }
        if (request instanceof PoolResizeRequest resize) {
            return resize.size() > settings.poolSizeThreshold() || settings.poolShrink() && shrinks(resize, site);
        }
        if (request instanceof VmCreateRequest create) {
            return settings.initScripts() && create.initScript() != null;
        }
        return false;
    }

    /** A pool whose size cannot be read now counts as shrinking: an approver looks rather than nobody. */
    private boolean shrinks(PoolResizeRequest resize, String site) {
        try {
            OptionalInt now = poolSizes.sizeOf(site, resize.name());
            return now.isEmpty() || resize.size() < now.getAsInt();
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
