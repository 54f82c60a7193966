package io.vdibot.rhev.template;

import io.vdibot.commands.handler.Violation;
import io.vdibot.rhev.inventory.TemplateInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which version of a template a migration moves, and whether it can: the version asked for ({@code version=N}) or
 * else the latest, OK at the source. Asked before the task is accepted and again at its preflight.
 */
final class MigratedVersion {

    private MigratedVersion() {
    }

    /** Version {@code number} of a template's versions, or the latest when {@code number} is null. */
    static Optional<TemplateInfo> pick(List<TemplateInfo> versions, Integer number) {
        return number == null
                ? versions.stream().max(Comparator.comparingInt(TemplateInfo::version))
                : versions.stream().filter(v -> v.version() == number).findFirst();
    }

    /**
     * Why version {@code number} of {@code versions} (not empty) cannot travel from {@code site}: not there (the
     * refusal lists the versions there are), locked, or in another state than OK.
     */
    static Optional<Violation> refusal(String name, Integer number, String site, List<TemplateInfo> versions) {
        Optional<TemplateInfo> picked = pick(versions, number);
        if (picked.isEmpty()) {
            String known = versions.stream().map(TemplateInfo::version).distinct().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return Optional.of(Violation.of("version", "template.migrate.version-unknown", name, number, site,
                    known));
        }
        TemplateInfo template = picked.get();
        if (template.isLocked()) {
            return Optional.of(Violation.of("version", "template.migrate.template-locked", name, template.version(),
                    site));
        }
        if (!template.isOk()) {
            return Optional.of(Violation.of("version", "template.migrate.template-not-ok", name, template.version(),
                    site, template.status()));
        }
        return Optional.empty();
    }
}
