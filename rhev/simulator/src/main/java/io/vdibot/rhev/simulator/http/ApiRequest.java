package io.vdibot.rhev.simulator.http;

import io.vdibot.rhev.simulator.engine.Call;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call to {@code /ovirt-engine/api}: the path below it, decoded query parameters, the body and
 * the caller, with the correlation id already sanitised the way the engine does.
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        byte[] body, Call call) {

    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Engine boolean parsing: true|t|yes|y|1 and false|f|no|n|0, an empty value means true. */
    public Optional<Boolean> booleanParam(String name) {
        return param(name).flatMap(ApiRequest::parseBoolean);
    }

    public Optional<Integer> intParam(String name) {
        return param(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new io.vdibot.rhev.simulator.engine.EngineFault(400, "Invalid value",
                        "Value '" + value + "' of parameter '" + name + "' is not a valid integer");
            }
        });
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public static Optional<Boolean> parseBoolean(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "t", "yes", "y", "1" -> Optional.of(true);
            case "false", "f", "no", "n", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
