package io.vdibot.commands.vm;

import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;

/** The form of the commands that act on one existing VM: the site, the VM picked from it, and when. */
final class VmForms {

    private VmForms() {
    }

    static FormSpec oneVm(String commandId) {
        return FormSpec.of(commandId,
                FormField.select("site", OptionsSource.SITES, false),
                FormField.select("name", OptionsSource.VMS, true),
                FormField.dateTime("at"));
    }
}
