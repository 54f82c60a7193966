package io.vdibot.adapters.slack;

import io.vdibot.adapters.common.AdapterTexts;
import java.util.Locale;

/**
 * The adapter's own words ({@code slack.properties}, {@code slack_zh_CN.properties}): modal buttons, App Home
 * headings, notices about Slack itself.
 */
public final class SlackTexts extends AdapterTexts {

    public static final String BUNDLE = "io.vdibot.adapters.slack.slack";

    private SlackTexts(Locale requested) {
        super(BUNDLE, requested);
    }

    public static SlackTexts forLocale(Locale requested) {
        return new SlackTexts(requested);
    }
}
