package io.vdibot.core.intake;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.pool.PoolCreateRequest;
import io.vdibot.commands.pool.PoolResizeRequest;
import io.vdibot.commands.vm.VmCreateRequest;
import io.vdibot.commands.spec.TaskRequest;
import io.vdibot.core.config.VdibotProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which requests wait for an approver, and why (the approval card says so): configured commands, pools above a size
 * threshold, pools made smaller and VMs with a script run as root.
 */
public final class ApprovalPolicy {

    /** How many VMs a pool has now; empty when there is no such pool. */
    @FunctionalInterface
    public interface PoolSizes {

        OptionalInt sizeOf(String site, String pool);
    }

    /** Why a request waits for an approver: a message key and its arguments. */
    public record Reason(String key, List<Object> args) {

        public String in(Messages messages) {
            return messages.format(key, args.toArray());
        }
    }

    private final VdibotProperties.Approval settings;
    private final PoolSizes poolSizes;

    public ApprovalPolicy(VdibotProperties.Approval settings, PoolSizes poolSizes) {
        this.settings = settings;
        this.poolSizes = poolSizes;
    }

    /** @param site the site the request acts on, resolved */
    public boolean needsApproval(TaskRequest request, String site) {
        return !reasons(request, site).isEmpty();
    }

    /**
     * Why {@code request} waits for an approver; empty when it does not.
     *
     * @param site the site the request acts on, resolved
     */
    public List<Reason> reasons(TaskRequest request, String site) {
        List<Reason> reasons = new ArrayList<>();
        if (settings.commands().contains(request.commandId())) {
            reasons.add(new Reason("approval.why.command", List.of(request.commandId().replace('.', ' '))));
        }
        if (request instanceof PoolCreateRequest create && create.size() > settings.poolSizeThreshold()) {
            reasons.add(new Reason("approval.why.pool-size", List.of(create.size(), settings.poolSizeThreshold())));
        }
        if (request instanceof PoolResizeRequest resize) {
            if (resize.size() > settings.poolSizeThreshold()) {
                reasons.add(new Reason("approval.why.pool-size", List.of(resize.size(), settings.poolSizeThreshold())));
            }
            if (settings.poolShrink()) {
                shrink(resize, site).ifPresent(reasons::add);
            }
        }
        if (request instanceof VmCreateRequest create && settings.initScripts() && create.initScript() != null) {
            reasons.add(new Reason("approval.why.init-script", List.of()));
        }
        return List.copyOf(reasons);
    }

    /** A pool whose size cannot be read counts as shrinking: an approver looks rather than nobody. */
    private Optional<Reason> shrink(PoolResizeRequest resize, String site) {
        OptionalInt now;
        try {
            now = poolSizes.sizeOf(site, resize.name());
        } catch (RuntimeException unreadable) {
            now = OptionalInt.empty();
        }
        if (now.isEmpty()) {
            return Optional.of(new Reason("approval.why.pool-size-unknown", List.of(resize.size())));
        }
        int removed = now.getAsInt() - resize.size();
        return removed > 0
                ? Optional.of(new Reason("approval.why.shrink", List.of(now.getAsInt(), resize.size(), removed)))
                : Optional.empty();
    }
}
