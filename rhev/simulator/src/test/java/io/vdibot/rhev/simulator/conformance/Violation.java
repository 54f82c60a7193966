package io.vdibot.rhev.simulator.conformance;

/**
 * One place where a document departs from the API model.
 *
 * @param path      where, e.g. {@code /vms/vm[2]/colour} (list items are numbered from 1)
 * @param element   the offending element (or attribute, written {@code @name})
 * @param ownerType the model type the element appeared in, e.g. {@code Vm}; empty at the root
 * @param problem   what is wrong
 */
public record Violation(String path, String element, String ownerType, String problem) {

    @Override
    public String toString() {
        String owner = ownerType.isEmpty() ? "" : " in " + ownerType;
        return path + ": <" + element + ">" + owner + ": " + problem;
    }
}
