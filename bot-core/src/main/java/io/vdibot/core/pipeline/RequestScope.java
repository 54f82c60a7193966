package io.vdibot.core.pipeline;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.persistence.task.Requester;
import java.time.ZoneId;

/** Who asked, in which language and zone, and where to answer: what every handler of a request needs. */
public record RequestScope(Envelope envelope, DirectoryUser user, Messages messages, ZoneId zone) {

    public ThreadRef thread() {
        return envelope.thread();
    }

    public Requester requester() {
        return new Requester(envelope.identity().platform(), envelope.identity().userId(), user.uid(),
                user.displayName());
    }
}
