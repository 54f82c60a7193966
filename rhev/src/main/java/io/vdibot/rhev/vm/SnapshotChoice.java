package io.vdibot.rhev.vm;

import io.vdibot.commands.handler.Violation;
import io.vdibot.rhev.inventory.SnapshotInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The snapshot a restore names: by id, or by description when exactly one snapshot has it. Descriptions are the
 * requester's words and the engine does not keep them unique, so several with the same one are answered with
 * their ids to choose from; the VM's "Active VM" snapshot is its present state, nothing to go back to.
 */
final class SnapshotChoice {

    /** Either the snapshot, or why there is none to restore. */
    record Result(SnapshotInfo snapshot, Violation refusal) {
    }

    private SnapshotChoice() {
    }

    static Result among(List<SnapshotInfo> snapshots, String wanted, String vmName) {
        List<SnapshotInfo> chosen = snapshots.stream().filter(s -> wanted.equals(s.id())).toList();
        if (chosen.isEmpty()) {
            chosen = snapshots.stream().filter(s -> wanted.equals(s.description())).toList();
        }
        if (chosen.isEmpty()) {
            // each quoted (the quotes of both bundles), since a description may hold commas
            List<String> regular = snapshots.stream().filter(s -> !s.isActive()).map(s -> "“" + s.description() + "”")
                    .toList();
            return refused(regular.isEmpty()
                    ? Violation.of("snapshot", "vm.restore.no-snapshots", vmName, wanted)
                    : Violation.of("snapshot", "vm.restore.snapshot-unknown", vmName, wanted,
                            String.join(", ", regular)));
        }
        if (chosen.size() > 1) {
            String ids = chosen.stream().map(SnapshotChoice::idAndDate).collect(Collectors.joining(", "));
            return refused(Violation.of("snapshot", "vm.restore.snapshot-ambiguous", vmName, chosen.size(), wanted,
                    ids));
        }
        SnapshotInfo snapshot = chosen.get(0);
        if (snapshot.isActive()) {
            return refused(Violation.of("snapshot", "vm.restore.snapshot-active", vmName, snapshot.description()));
        }
        return new Result(snapshot, null);
    }

    private static Result refused(Violation violation) {
        return new Result(null, violation);
    }

    private static String idAndDate(SnapshotInfo s) {
        return s.date() == null ? s.id() : s.id() + " (" + s.date() + ")";
    }
}
