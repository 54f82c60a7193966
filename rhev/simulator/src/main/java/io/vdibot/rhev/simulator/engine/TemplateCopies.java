package io.vdibot.rhev.simulator.engine;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vdibot.rhev.simulator.model.ClusterEntity;
import io.vdibot.rhev.simulator.model.DiskEntity;
import io.vdibot.rhev.simulator.model.Estate;
import io.vdibot.rhev.simulator.model.JobEntity;
import io.vdibot.rhev.simulator.model.StorageDomainEntity;
import io.vdibot.rhev.simulator.model.TemplateEntity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What template export and import share: finding the storage domain a request names, a template's
 * disks and data center, the OVF copy of a template and the arguments of a copy's scheduled change.
 */
final class TemplateCopies {

    private static final ObjectMapper OVF = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);

    private final Estate estate;

    TemplateCopies(Estate estate) {
        this.estate = estate;
    }

    StorageDomainEntity resolveDomain(Ref ref, Supplier<EngineFault> unknownId) {
        if (ref.id() != null) {
            StorageDomainEntity domain = estate.storageDomains.get(ref.id());
            if (domain == null) {
                throw unknownId.get();
            }
            return domain;
        }
        return estate.storageDomains.values().stream().filter(d -> d.name.equals(ref.name())).findFirst()
                .orElseThrow(() -> EngineFault.entityNotFound(ref.describe("StorageDomain")));
    }

    String dataCenterOf(TemplateEntity template) {
        ClusterEntity cluster = template.clusterId == null ? null : estate.clusters.get(template.clusterId);
        return cluster == null ? null : cluster.dataCenterId;
    }

    List<DiskEntity> disks(TemplateEntity template) {
        return template.diskIds.stream().map(estate.disks::get).filter(Objects::nonNull).toList();
    }

    /** An OVF is a full, independent description of the template: a deep copy, never shared state. */
    static TemplateEntity copy(TemplateEntity template) {
        return OVF.convertValue(template, TemplateEntity.class);
    }

    static <T> T copy(T entity, Class<T> type) {
        return OVF.convertValue(entity, type);
    }

    static Map<String, String> args(Call call, JobEntity job, StorageDomainEntity domain,
            Map<String, String> extra) {
        Map<String, String> args = call.jobArgs(job);
        args.putAll(extra);
        args.put(ExportImportOperations.DOMAIN_ARG, domain.id);
        return args;
    }
}
