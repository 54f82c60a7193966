package io.vdibot.commands.handler;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.port.ChatIdentity;
import io.vdibot.commands.port.ThreadRef;
import java.time.ZoneId;

/**
 * Who asked, as the core has identified them: their directory entry, chat identity, language, time zone, where to
 * answer, and what else they may do.
 */
public interface Asker {

    /** The directory user id (e.g. {@code alice}), the identity every permission and ownership check uses. */
    String uid();

    String displayName();

    /** The chat user behind the request, e.g. to list "my" tasks across platforms. */
    ChatIdentity identity();

    ThreadRef thread();

    Messages messages();

    ZoneId zone();

    /** Whether the asker holds {@code permission}, e.g. to act on other people's tasks. */
    boolean may(String permission);
}
