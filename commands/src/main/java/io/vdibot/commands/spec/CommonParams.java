package io.vdibot.commands.spec;

import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;

/** Arguments many commands share. */
public final class CommonParams {

    public static final Param NAME = Param.positional("name");
    public static final Param SITE = Param.optional("site");
    public static final Param AT = Param.optional(ArgReader.AT);
    public static final Param TASK_ID = Param.positional("id");

    private CommonParams() {
    }
}
