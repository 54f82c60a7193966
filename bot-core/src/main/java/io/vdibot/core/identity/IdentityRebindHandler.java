package io.vdibot.core.identity;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.identity.IdentityRebindRequest;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.identity.IdentityBinding;
import io.vdibot.persistence.identity.IdentityBindings;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /vdi identity rebind PLATFORM USER-ID}: the administrator confirms a changed address; the account's next
 * request binds it afresh (the request itself is in the audit trail, like every other).
 */
final class IdentityRebindHandler implements QueryHandler<IdentityRebindRequest> {

    private final IdentityBindings bindings;

    IdentityRebindHandler(IdentityBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public Class<IdentityRebindRequest> requestType() {
        return IdentityRebindRequest.class;
    }

    @Override
    public Reply handle(IdentityRebindRequest request, Asker scope) {
        Messages messages = scope.messages();
        String platform = request.platform().name().toLowerCase(Locale.ROOT);
        Optional<IdentityBinding> bound = bindings.find(request.platform(), request.userId());
        if (bound.isEmpty() || !bindings.unbind(request.platform(), request.userId())) {
            return Reply.refusal(messages.format("identity.not-bound", platform, request.userId()));
        }
        return Reply.builder().tone(Reply.Tone.SUCCESS).text(messages.format("identity.rebound", platform,
                request.userId(), bound.get().directoryUid())).build();
    }
}
