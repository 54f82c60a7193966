package io.vdibot.rhev.vm;

import io.vdibot.commands.i18n.EngineTerm;
import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.vm.VmSnapshotRequest;
import io.vdibot.rhev.inventory.SnapshotInfo;
import io.vdibot.rhev.inventory.VmInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the engine requires of a snapshot and of the VM it belongs to, checked before a task is accepted and again
 * at its preflight, so that the requester reads the bot's explanation rather than the engine's refusal.
 */
final class SnapshotRules {

    /** The engine's ValidDescription: letters of any script or ASCII characters, at most 4000 of them. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{ASCII}\\p{L}]");
    private static final int DESCRIPTION_MAX = 4000;
    /** Statuses in which the engine's action matrix refuses to take a snapshot (image_locked has its own text). */
    private static final Set<String> NO_SNAPSHOT = Set.of("migrating", "suspended", "image_illegal",
            "not_responding", "unassigned", "unknown");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private SnapshotRules() {
    }

    /**
     * The description to give the snapshot: the requester's as it is, else one from the time the task was asked
     * for, in the requester's zone. It is engine data, not a message, so it is the same in every language; and it
     * is the same on every run of the task, which is how a resumed task recognises its snapshot.
     */
    static String description(VmSnapshotRequest request) {
        if (request.description() != null) {
            return request.description();
        }
        ZoneId zone = request.runAt().zoneId();
        return "VDI Bot snapshot " + WHEN.withZone(zone).format(request.runAt().instant()) + " " + zone.getId();
    }

    /** A description the engine would refuse: characters outside its set, or too long. */
    static Optional<Violation> descriptionProblem(String description) {
        String refused = description.codePoints().mapToObj(Character::toString)
                .filter(c -> !ALLOWED.matcher(c).matches()).distinct().collect(Collectors.joining(" "));
        if (!refused.isEmpty()) {
            return Optional.of(Violation.of("description", "vm.snapshot.bad-description", refused));
        }
        if (description.length() > DESCRIPTION_MAX) {
            return Optional.of(Violation.of("description", "vm.snapshot.description-too-long",
                    description.length(), DESCRIPTION_MAX));
        }
        return Optional.empty();
    }

    /** A VM whose status stops the engine taking a snapshot of it. */
    static Optional<Violation> statusProblem(VmInfo vm) {
        if ("image_locked".equals(vm.status())) {
            return Optional.of(Violation.of("name", "vm.snapshot.vm-locked", vm.name()));
        }
        if (NO_SNAPSHOT.contains(vm.status())) {
            return Optional.of(Violation.of("name", "vm.snapshot.refused", vm.name(),
                    EngineTerm.VM_STATUS.of(vm.status())));
        }
        return Optional.empty();
    }

    /** Another snapshot operation under way on the VM: the engine runs one at a time. */
    static Optional<Violation> busy(String vmName, List<SnapshotInfo> snapshots) {
        return snapshots.stream().filter(s -> !s.isOk()).findFirst().map(s -> Violation.of("name",
                "vm.snapshot.busy", vmName, s.description(), EngineTerm.IMAGE_STATUS.of(s.status())));
    }
}
