package io.vdibot.core.teams;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The Teams adapter runs only when an app id is configured; without one the bot starts as before. */
public final class TeamsEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEnabled(context.getEnvironment());
    }

    public static boolean isEnabled(Environment environment) {
        String appId = environment.getProperty("vdibot.teams.app-id");
        return appId != null && !appId.isBlank();
    }
}
