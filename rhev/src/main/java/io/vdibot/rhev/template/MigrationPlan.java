package io.vdibot.rhev.template;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What preflight settled for {@code template.migrate}, journaled so that a resumed task moves exactly what was
 * checked: the template version and its data center at the source, the export domain and where it is brought from,
 * and where the template lands.
 *
 * @param templateId     the template version that travels (the one asked for, or the latest of that name)
 * @param targetName     its name at the target
 * @param importAsCopy   import with new ids (the import action's {@code clone}): when renamed, when its id is
 *                       already taken at the target, or when it is a version whose base the target does not have
 * @param moveBack       return the export domain to the source data center afterwards
 * @param origin         where the export domain is brought from before the export, null when it was active in the
 *                       source data center
 */
record MigrationPlan(String templateId, String templateName, int version, String sourceDataCenterId,
                     String sourceDataCenterName, ExportDomain domain, String targetClusterId,
                     String targetClusterName, String targetDataCenterId, String targetDataCenterName,
                     String targetStorageId, String targetStorageName, String targetName, boolean importAsCopy,
                     boolean moveBack, DomainOrigin origin) {

    /** A plan journaled before the export domain could be brought has no origin fields. */
    private static final int FIELDS_WITHOUT_ORIGIN = 18;
    private static final int FIELDS = 22;
    /** Stands for a null in the journal, where every field is URL-encoded and none is empty otherwise. */
    private static final String NONE = "";

    String journal() {
        List<String> fields = new ArrayList<>(List.of(templateId, templateName, String.valueOf(version),
                sourceDataCenterId, sourceDataCenterName, domain.id(), domain.name(), domain.address(),
                domain.path(), targetClusterId, targetClusterName, targetDataCenterId, targetDataCenterName,
                targetStorageId, targetStorageName, targetName, String.valueOf(importAsCopy),
                String.valueOf(moveBack)));
        if (origin != null) {
            fields.addAll(Stream.of(origin.site(), origin.dataCenterId(), origin.dataCenterName(), origin.status())
                    .map(v -> v == null ? NONE : v).toList());
        } else {
            fields.addAll(List.of(NONE, NONE, NONE, NONE));
        }
        return String.join(" ", fields.stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)).toList());
    }

    static MigrationPlan parse(String journal) {
        List<String> f = Stream.of(journal.split(" ", -1)).map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
                .toList();
        if (f.size() != FIELDS && f.size() != FIELDS_WITHOUT_ORIGIN) {
            throw new IllegalStateException("unreadable template.migrate plan: " + journal);
        }
        DomainOrigin origin = f.size() == FIELDS && !f.get(18).isEmpty()
                ? new DomainOrigin(f.get(18), orNull(f.get(19)), orNull(f.get(20)), f.get(21)) : null;
        return new MigrationPlan(f.get(0), f.get(1), Integer.parseInt(f.get(2)), f.get(3), f.get(4),
                new ExportDomain(f.get(5), f.get(6), f.get(7), f.get(8)), f.get(9), f.get(10), f.get(11), f.get(12),
                f.get(13), f.get(14), f.get(15), Boolean.parseBoolean(f.get(16)), Boolean.parseBoolean(f.get(17)),
                origin);
    }

    private static String orNull(String field) {
        return field.isEmpty() ? null : field;
    }
}
