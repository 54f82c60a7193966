package io.vdibot.commands.help;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.reply.Reply;

/** Explains an invalid command line or form: each mistake, then the command's usage line. */
public final class ParseErrorReply {

    private ParseErrorReply() {
    }

    public static Reply render(ParseResult.Invalid<?> invalid, Messages messages) {
        Reply.Builder reply = Reply.builder().kind(Reply.Kind.REFUSAL).tone(Reply.Tone.ERROR)
                .text(messages.format("reply.invalid"));
        for (FieldError error : invalid.errors()) {
            reply.text("• " + messages.format(error));
        }
        return reply
                .text(messages.format("help.label.usage"))
                .code(HelpRenderer.PREFIX + messages.format(invalid.usageKey()))
                .build();
    }
}
