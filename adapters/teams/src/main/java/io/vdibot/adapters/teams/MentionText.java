package io.vdibot.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The command in a message: Teams puts {@code <at>Bot name</at>} in the text for each mention (and the mention
 * entity names the text it used). The bot's own mentions are removed, what is left is unescaped, and a leading
 * {@code /vdi} or {@code vdi} stays for the grammar to accept or drop.
 */
final class MentionText {

    private static final Pattern ANY_AT = Pattern.compile("<at[^>]*>.*?</at>", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private MentionText() {
    }

    static String command(String text, JsonNode entities, String botId) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (JsonNode entity : entities) {
            if ("mention".equals(entity.path("type").asText()) && botId != null
                    && botId.equals(entity.path("mentioned").path("id").asText())) {
                String mentionText = entity.path("text").asText(null);
                if (mentionText != null && !mentionText.isEmpty()) {
                    result = result.replace(mentionText, " ");
                }
            }
        }
        // A mention of the bot whose entity was not sent (older clients) still leaves no trace.
        if (result.trim().toLowerCase(Locale.ROOT).startsWith("<at")) {
            result = ANY_AT.matcher(result).replaceFirst(" ");
        }
        result = TAGS.matcher(result.replace("<br>", "\n").replace("<br/>", "\n")).replaceAll("");
        result = result.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return result.replace('\u00a0', ' ').strip();
    }
}
