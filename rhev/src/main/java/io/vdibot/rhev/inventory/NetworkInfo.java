package io.vdibot.rhev.inventory;

/** A logical network; the same name may exist once per data center. @param vlan null when untagged */
public record NetworkInfo(String id, String name, String dataCenterId, Integer vlan, String description) {
}
