package io.vdibot.core.help;

import io.vdibot.commands.help.HelpRenderer;
import io.vdibot.commands.spec.CommandRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code help}: every command's usage, from the registry and the bundles. */
@Configuration(proxyBeanMethods = false)
public class HelpConfiguration {

    @Bean
    public HelpHandler helpHandler(CommandRegistry registry) {
        return new HelpHandler(new HelpRenderer(registry));
    }
}
