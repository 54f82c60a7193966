package io.vdibot.rhev.simulator.api;

/** Hrefs as the engine writes them; {@code Connection.followLink} relies on this exact shape. */
public final class Hrefs {

    public static final String API = "/ovirt-engine/api";

    private Hrefs() {
    }

    public static String of(String collection, String id) {
        return API + "/" + collection + "/" + id;
    }

    public static String of(String collection, String id, String sub, String subId) {
        return of(collection, id) + "/" + sub + "/" + subId;
    }
}
