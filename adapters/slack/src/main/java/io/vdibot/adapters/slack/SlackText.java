package io.vdibot.adapters.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What users typed, as Slack delivers it, back into plain text: entities decoded, links and mentions unwrapped. */
final class SlackText {

    private static final Pattern LEADING_MENTION = Pattern.compile("\\s*<@[A-Z0-9]+(\\|[^>]*)?>\\s*");
    private static final Pattern LINK = Pattern.compile("<([^<>|]+)(\\|([^<>]*))?>");

    private SlackText() {
    }

    /** Slack escapes {@code &}, {@code <} and {@code >} and wraps links; the grammar wants the typed text. */
    static String plain(String slackText) {
        if (slackText == null) {
            return "";
        }
        Matcher link = LINK.matcher(slackText);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String target = link.group(1);
            String label = link.group(3);
            String shown = label != null ? label : target.startsWith("mailto:") ? target.substring(7) : target;
            link.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        link.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A mention's text without the leading {@code @vdibot}: the command line. */
    static String withoutLeadingMentions(String slackText) {
        String text = slackText == null ? "" : slackText;
        // one mention at a time: as (mention)+ the pattern recursed once per mention, and a message starting with a
        // thousand of them threw StackOverflowError out of the event handler, every time Slack redelivered it
        Matcher mention = LEADING_MENTION.matcher(text);
        int start = 0;
        while (mention.region(start, text.length()).lookingAt()) {
            start = mention.end();
        }
        return plain(text.substring(start)).strip();
    }

    /** A value as one quoted word of the grammar: backslashes and quotes escaped, line breaks kept. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
