package io.vdibot.core;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The bot: with no configuration it starts its embedded database, directory, demo sites and console. */
@SpringBootApplication
@ConfigurationPropertiesScan("io.vdibot.core.config")
public class VdiBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(VdiBotApplication.class, args);
    }
}
