package io.vdibot.rhev.simulator.engine;

/** A reference to an entity in a request body: by id, or else by name. */
public record Ref(String id, String name) {

    public static Ref none() {
        return new Ref(null, null);
    }

    public boolean isPresent() {
        return id != null || name != null;
    }

    /** How the engine names a missing reference: {@code Cluster: name=x} or {@code Cluster: id=y}. */
    public String describe(String type) {
        return type + ": " + (id != null ? "id=" + id : "name=" + name);
    }
}
