package io.vdibot.core.pipeline;

import io.vdibot.commands.port.AccessCheck;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.spec.CommandRegistry;
import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.core.directory.DirectoryUnavailableException;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.core.directory.IdentityResolver;
import io.vdibot.core.permission.Decision;
import io.vdibot.core.permission.PermissionPolicy;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first steps of {@link RequestPipeline} — chat identity → directory user → the command's permission —
 * asked by the adapters before they show a form, its pickers or a home page, so inventory names reach nobody the
 * pipeline would refuse. Fails closed: an unknown identity, an unreachable directory or an unknown command is a refusal.
 */
public final class DirectoryAccessCheck implements AccessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAccessCheck.class);

    private final IdentityResolver identities;
    private final PermissionPolicy permissions;
    private final CommandRegistry registry;

    public DirectoryAccessCheck(IdentityResolver identities, PermissionPolicy permissions, CommandRegistry registry) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Verdict verdict(ChatIdentity identity, String commandId) {
        Optional<CommandSpec<?>> spec = commandId == null ? Optional.empty() : registry.find(commandId);
        if (spec.isEmpty()) {
            LOG.warn("access asked for unknown command {}", commandId);
            return Verdict.DENIED;
        }
        Optional<DirectoryUser> user;
        try {
            user = identities.resolve(identity.platform(), identity.userId(), identity.email());
        } catch (DirectoryUnavailableException e) {
            LOG.warn("directory unreachable while checking access to {}: {}", commandId, e.getMessage());
            return Verdict.UNAVAILABLE;
        } catch (RuntimeException e) {
            // adapters call this before drawing a form; whatever went wrong, nothing is shown
            LOG.error("access to {} could not be checked", commandId, e);
            return Verdict.UNAVAILABLE;
        }
        if (user.isEmpty()) {
            LOG.info("{} not shown: no directory user for {} user {}", commandId, identity.platform(),
                    identity.userId());
            return Verdict.UNKNOWN_USER;
        }
        Decision decision = permissions.check(user.get(), spec.get().permission());
        if (decision.denied()) {
            LOG.info("{} not shown: {}", commandId, decision.auditReason());
            return Verdict.DENIED;
        }
        return Verdict.ALLOWED;
    }
}
