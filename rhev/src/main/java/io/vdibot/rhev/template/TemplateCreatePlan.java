package io.vdibot.rhev.template;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What preflight settled for {@code template.create}, journaled as ids so that a resumed task creates the template
 * from what was checked, not from whatever the names point at by then.
 *
 * @param name            the template's name (a new version takes its base template's name)
 * @param clusterId       null for the VM's cluster
 * @param storageDomainId null for the storage of the VM's disks
 * @param baseTemplateId  null for a new template; otherwise the base whose new version this is
 */
record TemplateCreatePlan(String name, String vmId, String vmName, String clusterId, String clusterName,
                          String storageDomainId, String baseTemplateId) {

    /** URLEncoder always escapes a tilde, so no encoded value can be mistaken for "none". */
    private static final String NONE = "~";

    String journal() {
        return String.join(" ", Arrays.stream(new String[] {name, vmId, vmName, clusterId, clusterName,
                storageDomainId, baseTemplateId}).map(TemplateCreatePlan::encode).toList());
    }

    static TemplateCreatePlan parse(String journal) {
        String[] parts = journal.split(" ", -1);
        if (parts.length != 7) {
            throw new IllegalStateException("unreadable template.create plan: " + journal);
        }
        return new TemplateCreatePlan(decode(parts[0]), decode(parts[1]), decode(parts[2]), decode(parts[3]),
                decode(parts[4]), decode(parts[5]), decode(parts[6]));
    }

    private static String encode(String value) {
        return value == null ? NONE : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return NONE.equals(value) ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
