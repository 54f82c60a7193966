package io.vdibot.rhev.template;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * What preflight settled for {@code template.migrate}, journaled so that a resumed task moves exactly what was
 * checked: the template version and its data center at the source, the export domain, and where it lands.
 *
 * @param templateId     the template version that travels (the latest one of that name at the source)
 * @param targetName     its name at the target
 * @param importAsCopy   import with new ids (the import action's {@code clone}): when renamed, when its id is
 *                       already taken at the target, or when it is a version whose base the target does not have
 * @param moveBack       return the export domain to the source data center afterwards
 */
record MigrationPlan(String templateId, String templateName, int version, String sourceDataCenterId,
                     String sourceDataCenterName, ExportDomain domain, String targetClusterId,
                     String targetClusterName, String targetDataCenterId, String targetDataCenterName,
                     String targetStorageId, String targetStorageName, String targetName, boolean importAsCopy,
                     boolean moveBack) {

    private static final int FIELDS = 18;

    String journal() {
        return String.join(" ", Stream.of(templateId, templateName, String.valueOf(version), sourceDataCenterId,
                sourceDataCenterName, domain.id(), domain.name(), domain.address(), domain.path(), targetClusterId,
                targetClusterName, targetDataCenterId, targetDataCenterName, targetStorageId, targetStorageName,
                targetName, String.valueOf(importAsCopy), String.valueOf(moveBack))
                .map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)).toList());
    }

    static MigrationPlan parse(String journal) {
        List<String> f = Stream.of(journal.split(" ", -1)).map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
                .toList();
        if (f.size() != FIELDS) {
            throw new IllegalStateException("unreadable template.migrate plan: " + journal);
        }
        return new MigrationPlan(f.get(0), f.get(1), Integer.parseInt(f.get(2)), f.get(3), f.get(4),
                new ExportDomain(f.get(5), f.get(6), f.get(7), f.get(8)), f.get(9), f.get(10), f.get(11), f.get(12),
                f.get(13), f.get(14), f.get(15), Boolean.parseBoolean(f.get(16)), Boolean.parseBoolean(f.get(17)));
    }
}
