package io.vdibot.rhev.vm;

import io.vdibot.rhev.inventory.ClusterInfo;
import io.vdibot.rhev.inventory.TemplateInfo;

/**
 * What preflight settled: the exact template version and the cluster. Journaled as the two ids, so that a resumed
 * task creates the VM from what was checked, not from whatever the names point at by then.
 */
record VmCreatePlan(TemplateInfo template, ClusterInfo cluster) {

    String journal() {
        return template.id() + " " + cluster.id();
    }

    static String templateId(String journal) {
        return journal.split(" ", 2)[0];
    }

    static String clusterId(String journal) {
        return journal.split(" ", 2)[1];
    }
}
