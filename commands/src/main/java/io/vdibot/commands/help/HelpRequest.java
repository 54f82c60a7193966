package io.vdibot.commands.help;

import io.vdibot.commands.spec.VdiRequest;
import java.util.List;

/**
 * {@code help [command words]}: the command list, one command in detail ({@code help pool create}) or one family
 * ({@code help pool}).
 *
 * @param topic the command words asked about, lower case; empty = all commands
 */
public record HelpRequest(List<String> topic) implements VdiRequest {

    public static final String COMMAND_ID = "help";

    public HelpRequest {
        topic = List.copyOf(topic);
    }

    @Override
    public String commandId() {
        return COMMAND_ID;
    }
}
