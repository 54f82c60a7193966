package io.vdibot.rhev.inventory;

/** A cluster and the data center it belongs to (VM names are unique per data center). */
public record ClusterInfo(String id, String name, String dataCenterId, String dataCenterName) {
}
