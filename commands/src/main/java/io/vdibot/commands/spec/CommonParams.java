package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;

/** Arguments many commands share. */
final class CommonParams {

    static final Param NAME = Param.positional("name");
    static final Param SITE = Param.optional("site");
    static final Param AT = Param.optional(ArgReader.AT);
    static final Param TASK_ID = Param.positional("id");

    private CommonParams() {
    }
}
