package io.vdibot.core.infra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a property is not set: the embedded defaults start only when nothing replaces them.
 * (Spring's own {@code @ConditionalOnProperty} matches on values, not on absence alone.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnMissingProperty.OnMissingProperty.class)
public @interface ConditionalOnMissingProperty {

    /** The property whose absence is required, e.g. {@code spring.datasource.url}. */
    String value();

    final class OnMissingProperty implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnMissingProperty.class.getName());
            String property = (String) attributes.get("value");
            String value = context.getEnvironment().getProperty(property);
            return value == null || value.isBlank();
        }
    }
}
