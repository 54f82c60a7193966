package io.vdibot.core.config;

import io.vdibot.commands.parse.InputLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what any request may ask ({@code vdibot.limits.*}, beside the pool limits), checked when it is parsed.
 *
 * @param textMax         characters of any free-text value ({@code vdibot.limits.text-max})
 * @param initScriptMax   characters of an {@code init=} script ({@code vdibot.limits.init-script-max})
 * @param scheduleHorizon how far ahead {@code at=} may be ({@code vdibot.limits.schedule-horizon})
 * @param memoryMax       memory of one VM ({@code vdibot.limits.memory-max}; {@code 256GB} is 256 GiB)
 * @param cpusMax         virtual CPUs of one VM ({@code vdibot.limits.cpus-max})
 */
@ConfigurationProperties("vdibot.limits")
public record InputLimitsProperties(@DefaultValue("1000") int textMax, @DefaultValue("16384") int initScriptMax,
        @DefaultValue("90d") Duration scheduleHorizon, @DefaultValue("256GB") DataSize memoryMax,
        @DefaultValue("64") int cpusMax) {

    public InputLimits limits() {
        try {
            return new InputLimits(textMax, initScriptMax, scheduleHorizon, memoryMax.toBytes(), cpusMax);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vdibot.limits.text-max, init-script-max, schedule-horizon, memory-max"
                    + " and cpus-max must be positive");
        }
    }
}
