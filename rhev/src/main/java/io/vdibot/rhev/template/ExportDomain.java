package io.vdibot.rhev.template;

import java.util.Objects;

/**
 * The NFS export storage domain the sites share. Its id and name come from the domain's own metadata, so they are
 * the same in every engine that imports it; its NFS export is what identifies it before an engine knows it.
 */
record ExportDomain(String id, String name, String address, String path) {

    static final String LEASE_PREFIX = "export-domain:";

    ExportDomain {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(path, "path");
    }

    /** {@code nfs.example.com:/exports/export1}, as administrators write an NFS export. */
    String location() {
        return address + ":" + path;
    }

    /** The key of the lease that lets one task at a time move it. */
    String leaseKey() {
        return LEASE_PREFIX + location();
    }
}
