package io.vdibot.core.pipeline;

import io.vdibot.commands.handler.Asker;
import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.Envelope;
import io.vdibot.commands.port.ThreadRef;
import io.vdibot.core.directory.DirectoryUser;
import io.vdibot.persistence.task.Requester;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * Who asked, in which language and zone, and where to answer: what every handler of a request needs.
 *
 * @param permitted whether the asker holds a permission, by the permission policy
 */
public record RequestScope(Envelope envelope, DirectoryUser user, Messages messages, ZoneId zone,
        Predicate<String> permitted) implements Asker {

    @Override
    public String uid() {
        return user.uid();
    }

    @Override
    public String displayName() {
        return user.displayName();
    }

    @Override
    public ChatIdentity identity() {
        return envelope.identity();
    }

    @Override
    public ThreadRef thread() {
        return envelope.thread();
    }

    @Override
    public boolean may(String permission) {
        return permitted.test(permission);
    }

    public Requester requester() {
        return new Requester(envelope.identity().platform(), envelope.identity().userId(), user.uid(),
                user.displayName());
    }
}
