package io.vdibot.core.identity;

import io.vdibot.commands.handler.QueryHandler;
import io.vdibot.persistence.identity.IdentityBindings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity commands: {@code identity list} and {@code identity rebind}. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    @Bean
    public QueryHandler<?> identityListHandler(IdentityBindings bindings) {
        return new IdentityListHandler(bindings);
    }

    @Bean
    public QueryHandler<?> identityRebindHandler(IdentityBindings bindings) {
        return new IdentityRebindHandler(bindings);
    }
}
