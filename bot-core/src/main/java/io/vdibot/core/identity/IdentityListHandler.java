package io.vdibot.core.identity;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.identity.IdentityListRequest;
import io.vdibot.commands.reply.Reply;
import io.vdibot.persistence.identity.IdentityBinding;
import io.vdibot.persistence.identity.IdentityBindings;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code /vdi identity list}: the chat accounts and the directory users they speak for. */
final class IdentityListHandler implements QueryHandler<IdentityListRequest> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IdentityBindings bindings;

    IdentityListHandler(IdentityBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public Class<IdentityListRequest> requestType() {
        return IdentityListRequest.class;
    }

    @Override
    public Reply handle(IdentityListRequest request, Asker scope) {
        Messages messages = scope.messages();
        List<IdentityBinding> found = bindings.list(request.user());
        if (found.isEmpty()) {
            return Reply.text(messages.format("identity.none"));
        }
        List<List<String>> rows = found.stream().map(b -> List.of(b.platform().name().toLowerCase(Locale.ROOT),
                b.platformUserId(), b.directoryUid(), b.directoryDn(),
                TIME.withZone(scope.zone()).format(b.boundAt()))).toList();
        return Reply.builder().table(List.of(messages.format("identity.column.platform"),
                messages.format("identity.column.account"), messages.format("identity.column.user"),
                messages.format("identity.column.entry"),
                messages.format("identity.column.since", scope.zone().getId())), rows).build();
    }
}
