package io.vdibot.adapters.slack;

import io.vdibot.commands.Platform;
import io.vdibot.commands.port.ThreadRef;
import java.util.HashMap;
import java.util.Map;

/**
 * How the adapter marks the threads it hands to the core, in {@link ThreadRef#extras()}: who asked, where a slash
 * command may answer privately, and whether the answer belongs to a button click or to the App Home. The core
 * passes them back untouched (setting {@link ThreadRef#taskCode()} once a task exists).
 */
final class SlackThreads {

    static final String USER = "user";
    static final String RESPONSE_URL = "response_url";
    /** {@code approve} or {@code reject}: the answer to a click on an approval card. */
    static final String CLICK = "click";
    static final String CARD_TS = "card_ts";
    /** The App Home section an answer fills. */
    static final String HOME_SECTION = "home";
    /** The pseudo-channel of App Home answers. */
    static final String HOME_CHANNEL = "slack-home";

    private SlackThreads() {
    }

    static ThreadRef conversation(String channel, String threadTs, String user, String responseUrl) {
        Map<String, String> extras = new HashMap<>();
        extras.put(USER, user);
        if (responseUrl != null) {
            extras.put(RESPONSE_URL, responseUrl);
        }
        return ThreadRef.of(Platform.SLACK, channel, threadTs, extras);
    }

    static ThreadRef click(String channel, String cardTs, String user, String click, String responseUrl) {
        Map<String, String> extras = new HashMap<>();
        extras.put(USER, user);
        extras.put(CLICK, click);
        extras.put(CARD_TS, cardTs);
        if (responseUrl != null) {
            extras.put(RESPONSE_URL, responseUrl);
        }
        return ThreadRef.of(Platform.SLACK, channel, cardTs, extras);
    }

    static ThreadRef home(String user, String section) {
        return ThreadRef.of(Platform.SLACK, HOME_CHANNEL, null, Map.of(USER, user, HOME_SECTION, section));
    }
}
