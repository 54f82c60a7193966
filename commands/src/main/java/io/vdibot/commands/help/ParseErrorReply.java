package io.vdibot.commands.help;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.parse.FieldError;
import io.vdibot.commands.parse.ParseResult;
import io.vdibot.commands.reply.Reply;
import java.util.List;

/** Explains an invalid command line or form: each mistake, then the command's usage line. */
public final class ParseErrorReply {

    /**
     * The most mistakes listed. A pasted page of stray words made one line per word (tens of thousands for 100 KiB),
     * which buried the usage line and no chat could show.
     */
    public static final int MISTAKES_SHOWN = 10;

    private ParseErrorReply() {
    }

    public static Reply render(ParseResult.Invalid<?> invalid, Messages messages) {
        Reply.Builder reply = Reply.builder().kind(Reply.Kind.REFUSAL).tone(Reply.Tone.ERROR)
                .text(messages.format("reply.invalid"));
        List<FieldError> errors = invalid.errors().stream().distinct().toList();
        for (FieldError error : errors.subList(0, Math.min(MISTAKES_SHOWN, errors.size()))) {
            reply.text("• " + messages.format(error));
        }
        if (errors.size() > MISTAKES_SHOWN) {
            reply.text(messages.format("reply.invalid.more", errors.size() - MISTAKES_SHOWN));
        }
        return reply
                .text(messages.format("help.label.usage"))
                .code(HelpRenderer.PREFIX + messages.format(invalid.usageKey()))
                .build();
    }
}
