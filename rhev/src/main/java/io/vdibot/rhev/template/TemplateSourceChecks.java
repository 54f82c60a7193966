package io.vdibot.rhev.template;

import io.vdibot.commands.handler.Violation;
import io.vdibot.commands.template.TemplateCreateRequest;
import io.vdibot.rhev.inventory.VmInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine refuses about the VM a template is made from, known before it is asked: asked before a
 * {@code template.create} task is accepted, and again at its preflight.
 */
final class TemplateSourceChecks {

    private TemplateSourceChecks() {
    }

    static List<Violation> of(TemplateCreateRequest request, VmInfo vm, String site) {
        List<Violation> violations = new ArrayList<>();
        // image_locked passes: its disks are still being made, and the engine is asked again until it is down
        if (!request.stopsVm() && !"down".equals(vm.status()) && !"image_locked".equals(vm.status())) {
            violations.add(Violation.of("vm", "validate.template-vm-running", vm.name(), vm.status(), site));
        }
        // the engine's VM_TEMPLATE_CANNOT_SEAL_WINDOWS
        if (Boolean.TRUE.equals(request.seal()) && vm.isWindows()) {
            violations.add(Violation.of("seal", "validate.template-seal-windows", vm.name(), vm.osType()));
        }
        return violations;
    }

    /** Whether the run shuts the VM down before the template is made. */
    static boolean needsStop(TemplateCreateRequest request, String status) {
        return request.stopsVm() && !"down".equals(status) && !"image_locked".equals(status);
    }
}
