package io.vdibot.rhev.simulator.conformance;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Elements the real engine writes although the API model does not define them. Each entry says
 * where it may appear and why it exists; anything else outside the model is a violation. Keep this
 * list short: an entry here is a place where the simulator may differ from the model on purpose.
 */
final class EngineOnlyElements {

    private record Entry(String element, Predicate<ModelType> owner, String valueType) {
    }

    private static final List<Entry> ENTRIES = List.of(
            // The engine's hand-written schema gives every resource a creation_status, and the REST
            // layer fills it in when a POST to a collection answers 202 Accepted because disks are still
            // being created (value pending/in_progress/complete/failed, next to a link rel="creation_status").
            // The model has the CreationStatus enum but no member that uses it.
            new Entry("creation_status", ModelType::isResource, "CreationStatus"));

    private EngineOnlyElements() {
    }

    /** The allowed element as if it were a member of {@code owner}, or empty when it is not allowed. */
    static Optional<ModelMember> lookup(ModelType owner, String element) {
        return ENTRIES.stream()
                .filter(entry -> entry.element().equals(element) && entry.owner().test(owner))
                .findFirst()
                .map(entry -> ModelMember.single(entry.element(), entry.valueType()));
    }
}
