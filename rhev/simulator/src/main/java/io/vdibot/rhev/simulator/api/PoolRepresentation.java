package io.vdibot.rhev.simulator.api;

import io.vdibot.rhev.simulator.model.PoolEntity;
import io.vdibot.rhev.simulator.model.VmEntity;
import java.util.List;
import org.ovirt.engine.sdk4.builders.ClusterBuilder;
import org.ovirt.engine.sdk4.builders.TemplateBuilder;
import org.ovirt.engine.sdk4.builders.VmBuilder;
import org.ovirt.engine.sdk4.builders.VmPoolBuilder;
import org.ovirt.engine.sdk4.types.VmPool;
import org.ovirt.engine.sdk4.types.VmPoolType;

/**
 * Pools as the engine shows them. {@code size} is the number of VMs the pool has right now (the
 * engine maps its assigned VM count there), so it grows while a create or update is adding VMs.
 */
public final class PoolRepresentation {

    private PoolRepresentation() {
    }

    /** @param members the pool's VMs, in the order they were added */
    public static VmPool pool(PoolEntity pool, List<VmEntity> members) {
        VmPoolBuilder b = new VmPoolBuilder().id(pool.id).href(Hrefs.of("vmpools", pool.id)).name(pool.name)
                .size(members.size())
                .prestartedVms(pool.prestartedVms)
                .maxUserVms(pool.maxUserVms)
                .type(VmPoolType.fromValue(pool.type))
                .stateful(pool.stateful)
                .useLatestTemplateVersion(pool.useLatestTemplateVersion)
                .autoStorageSelect(false)
                .soundcardEnabled(false)
                .cluster(new ClusterBuilder().id(pool.clusterId).href(Hrefs.of("clusters", pool.clusterId)))
                .template(new TemplateBuilder().id(pool.templateId).href(Hrefs.of("templates", pool.templateId)));
        if (pool.description != null) {
            b.description(pool.description);
        }
        if (pool.comment != null) {
            b.comment(pool.comment);
        }
        if (!members.isEmpty()) {
            VmEntity any = members.get(0);
            b.vm(new VmBuilder().id(any.id).href(Hrefs.of("vms", any.id)));
        }
        return b.build();
    }
}
