package io.vdibot.commands.help;

import io.vdibot.commands.spec.CommandSpec;
import io.vdibot.commands.parse.ArgReader;
import io.vdibot.commands.parse.Param;
import io.vdibot.commands.parse.ParseResult;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Takes any words: whether they name a command is the help renderer's business, which answers with suggestions. */
public final class HelpCommand extends CommandSpec<HelpRequest> {

    public HelpCommand() {
        super(HelpRequest.COMMAND_ID, "help", "help [command words]", "vdi:view:help", HelpRequest.class,
                List.of(Param.restOfWords("topic")));
    }

    @Override
    protected ParseResult<HelpRequest> build(ArgReader in) {
        String topic = in.text("topic");
        List<String> words = topic == null ? List.of()
                : Arrays.stream(topic.toLowerCase(Locale.ROOT).split("\\s+")).toList();
        return in.result(() -> new HelpRequest(words));
    }
}
