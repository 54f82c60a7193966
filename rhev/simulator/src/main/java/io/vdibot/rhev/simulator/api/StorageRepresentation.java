package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import org.ovirt.engine.sdk4.builders.CpuBuilder;
import org.ovirt.engine.sdk4.builders.CpuTopologyBuilder;
import org.ovirt.engine.sdk4.builders.DataCenterBuilder;
import org.ovirt.engine.sdk4.builders.HostStorageBuilder;
import org.ovirt.engine.sdk4.builders.OperatingSystemBuilder;
import org.ovirt.engine.sdk4.builders.StorageDomainBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.TemplateVersionBuilder;
import org.ovirt.engine.sdk4.types.ExternalStatus;
import org.ovirt.engine.sdk4.types.StorageDomain;
import org.ovirt.engine.sdk4.types.StorageDomainStatus;
import org.ovirt.engine.sdk4.types.StorageDomainType;
import org.ovirt.engine.sdk4.types.StorageFormat;
import org.ovirt.engine.sdk4.types.StorageType;
import org.ovirt.engine.sdk4.types.Template;
import org.ovirt.engine.sdk4.types.TemplateStatus;
import org.ovirt.engine.sdk4.types.VmType;

/**
 * Storage domains in the engine's two views. Under {@code /storagedomains} a status only appears as
 * {@code unattached}, because a domain's status means something only inside a data center; under
 * {@code /datacenters/{dc}/storagedomains} every domain carries its status there.
 */
public final class StorageRepresentation {

    private final Estate estate;

    public StorageRepresentation(Estate estate) {
        this.estate = estate;
    }

    public StorageDomain topLevel(StorageDomainEntity domain) {
        StorageDomainBuilder b = common(domain).href(Hrefs.of("storagedomains", domain.id));
        if (domain.dataCenterId == null) {
            b.status(StorageDomainStatus.UNATTACHED);
        }
        return b.build();
    }

    public StorageDomain attached(StorageDomainEntity domain) {
        return common(domain)
                .href(Hrefs.of("datacenters", domain.dataCenterId, "storagedomains", domain.id))
                .status(StorageDomainStatus.fromValue(domain.status))
                .dataCenter(dataCenterRef(domain.dataCenterId))
                .build();
    }

    /** A template as a storage domain lists it: an OVF on an export domain, or one with disks on a data domain. */
    public Template template(TemplateEntity template, String domainId) {
        TemplateBuilder b = new TemplateBuilder().id(template.id)
                .href(Hrefs.of("storagedomains", domainId, "templates", template.id))
                .name(template.name)
                .status(TemplateStatus.fromValue(template.status))
                .os(new OperatingSystemBuilder().type(template.osType))
                .memory(template.memoryBytes)
                .cpu(new CpuBuilder().topology(new CpuTopologyBuilder().sockets(template.sockets)
                        .cores(template.cores).threads(1)))
                .type(VmType.fromValue(template.vmType))
                .creationTime(Dates.of(template.creationTime))
                .storageDomain(new StorageDomainBuilder().id(domainId).href(Hrefs.of("storagedomains", domainId)));
        String baseId = template.baseTemplateId != null ? template.baseTemplateId : template.id;
        TemplateVersionBuilder version = new TemplateVersionBuilder().versionNumber(template.versionNumber)
                .baseTemplate(new TemplateBuilder().id(baseId).href(Hrefs.of("templates", baseId)));
        if (template.versionName != null) {
            version.versionName(template.versionName);
        }
        b.version(version);
        if (template.description != null) {
            b.description(template.description);
        }
        return b.build();
    }

    private StorageDomainBuilder common(StorageDomainEntity domain) {
        StorageDomainBuilder b = new StorageDomainBuilder().id(domain.id).name(domain.name)
                .type(StorageDomainType.fromValue(domain.type))
                .storage(new HostStorageBuilder().type(StorageType.fromValue(domain.storageType))
                        .address(domain.address).path(domain.path))
                .available(domain.availableBytes)
                .used(domain.usedBytes)
                .committed(committed(domain))
                .master(domain.master)
                // Export domains keep the V1 layout; data domains of a 4.4+ data center are V5.
                .storageFormat(domain.isExport() ? StorageFormat.V1 : StorageFormat.V5)
                .externalStatus(ExternalStatus.OK)
                .backup(false)
                .blockSize(512)
                .wipeAfterDelete(false)
                .discardAfterDelete(false)
                .supportsDiscard(false)
                .supportsDiscardZeroesData(false)
                .warningLowSpaceIndicator(10)
                .criticalSpaceActionBlocker(5);
        b.description(domain.description == null ? "" : domain.description).comment("");
        if (domain.dataCenterId != null) {
            b.dataCenters(dataCenterRef(domain.dataCenterId));
        }
        return b;
    }

    /** Space promised to the disks that live on the domain, whether or not they have allocated it. */
    private long committed(StorageDomainEntity domain) {
        return estate.disks.values().stream().filter(d -> domain.id.equals(d.storageDomainId))
                .mapToLong(d -> d.provisionedSize).sum();
    }

    private static DataCenterBuilder dataCenterRef(String id) {
        return new DataCenterBuilder().id(id).href(Hrefs.of("datacenters", id));
    }
}
