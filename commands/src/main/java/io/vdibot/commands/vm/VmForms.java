package io.vdibot.commands.vm;

import io.vdibot.commands.form.FormField;
import io.vdibot.commands.form.FormSpec;
import io.vdibot.commands.form.OptionsSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The form of the commands that act on one existing VM: the site, the VM picked from it, the command's own
 * fields, and when.
 */
final class VmForms {

    private VmForms() {
    }

    static FormSpec oneVm(String commandId, FormField... own) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.select("site", OptionsSource.SITES, false));
        fields.add(FormField.select("name", OptionsSource.VMS, true));
        fields.addAll(List.of(own));
        fields.add(FormField.dateTime("at"));
        return new FormSpec(commandId, commandId + ".title", fields);
    }
}
