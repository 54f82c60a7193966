package io.vdibot.core.intake;

import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.config.VdibotProperties;

/** Which requests wait for an approver: configured commands, and pools above a size threshold. */
public final class ApprovalPolicy {

    private final VdibotProperties.Approval settings;

    public ApprovalPolicy(VdibotProperties.Approval settings) {
        this.settings = settings;
    }

    public boolean needsApproval(TaskRequest request) {
        if (settings.commands().contains(request.commandId())) {
            return true;
        }
        if (request instanceof PoolCreateRequest create) {
            return create.size() > settings.poolSizeThreshold();
        }
        if (request instanceof PoolResizeRequest resize) {
            return resize.size() > settings.poolSizeThreshold();
        }
        if (request instanceof VmCreateRequest create) {
            return settings.initScripts() && create.initScript() != null;
        }
        return false;
    }
}
