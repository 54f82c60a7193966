package io.vdibot.core.mail;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** On-call mail is sent only when {@code vdibot.mail.host} is set; without it the bot starts as before. */
public final class MailEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String host = context.getEnvironment().getProperty("vdibot.mail.host");
        return host != null && !host.isBlank();
    }
}
