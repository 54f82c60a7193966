package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.http.ApiRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code follow} parameter: which linked collections to embed. Names match ignoring case and
 * underscores, as on the engine, and dotted paths ({@code disk_attachments.disk}) reach deeper.
 */
public final class Follow {

    private static final Follow NONE = new Follow(Set.of());
    private final Set<String> paths;

    private Follow(Set<String> paths) {
        this.paths = paths;
    }

    public static Follow of(ApiRequest request) {
        return request.param("follow").map(Follow::parse).orElse(NONE);
    }

    static Follow parse(String value) {
        return new Follow(Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Follow::normalise)
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean has(String link) {
        String wanted = normalise(link);
        return paths.stream().anyMatch(p -> p.equals(wanted) || p.startsWith(wanted + "."));
    }

    /** The follow paths below {@code link}, e.g. {@code disk} for {@code disk_attachments.disk}. */
    public Follow below(String link) {
        String prefix = normalise(link) + ".";
        return new Follow(paths.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    private static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
