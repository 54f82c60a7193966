package io.vdibot.core.slack;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The Slack adapter runs only when a bot token is configured; without one the bot starts as before. */
public final class SlackEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEnabled(context.getEnvironment());
    }

    static boolean isEnabled(Environment environment) {
        return hasText(environment.getProperty("vdibot.slack.bot-token"))
                || hasText(environment.getProperty("vdibot.slack.bot-token-file"));
    }

    /** HTTP mode needs the web server; Socket Mode and a bot without Slack do not. */
    public static boolean needsWebServer(Environment environment) {
        String mode = environment.getProperty("vdibot.slack.mode", "http");
        return isEnabled(environment) && "http".equals(mode.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
