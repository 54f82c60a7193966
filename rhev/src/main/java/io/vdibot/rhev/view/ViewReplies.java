package io.vdibot.rhev.view;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.reply.Reply;
import io.vdibot.rhev.call.EngineException;
import io.vdibot.rhev.task.EngineTexts;
import java.util.List;

/** Answers every view gives the same way: an unknown site, an engine that did not answer, a name not found. */
final class ViewReplies {

    private ViewReplies() {
    }

    static Reply unknownSite(String site, List<String> sites, Messages messages) {
        return Reply.builder().tone(Reply.Tone.WARNING)
                .text(messages.format("view.site-unknown", site, String.join(", ", sites), SiteChoice.ALL)).build();
    }

    /** The engine's own words, in the reader's language. */
    static Reply engineFailure(EngineException e, Messages messages) {
        return Reply.builder().tone(Reply.Tone.ERROR).text(EngineTexts.explain(messages, e)).build();
    }

    /**
     * "There is no VM “x” at site dc1", with close matches and, when the name exists elsewhere, where.
     *
     * @param kindKey {@code view.kind.vm}, {@code view.kind.pool} or {@code view.kind.template}
     * @param elsewhere other sites that have an object of that name
     */
    static Reply notFound(String kindKey, String name, String where, List<String> near, List<String> elsewhere,
            Messages messages) {
        Reply.Builder reply = Reply.builder().tone(Reply.Tone.WARNING)
                .text(messages.format("view.not-found", messages.format(kindKey), name, where));
        if (!near.isEmpty()) {
            reply.text(messages.format("view.did-you-mean", String.join(", ", near)));
        }
        if (!elsewhere.isEmpty()) {
            reply.text(messages.format("view.found-elsewhere", messages.format(kindKey), String.join(", ", elsewhere)));
        }
        return reply.build();
    }
}
