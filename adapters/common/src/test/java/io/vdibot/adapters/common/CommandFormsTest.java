package io.vdibot.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vdibot.commands.AllCommands;
import io.vdibot.commands.form.FormSpec;
import org.junit.jupiter.api.Test;

/** Forms come from the command specs alone: a command with a form gets it when typed without arguments. */
class CommandFormsTest {

    private final CommandForms forms = new CommandForms(AllCommands.registry());

    @Test
    void aCommandWithAFormTypedWithoutArgumentsGetsIt() {
        FormSpec form = forms.withoutArguments("pool create").orElseThrow();

        assertThat(form.formId()).isEqualTo("pool.create");
        assertThat(forms.words(form)).isEqualTo("pool create");
        assertThat(forms.of("pool.create")).contains(form);
    }

    @Test
    void argumentsUnknownWordsAndBlankTextGetNoForm() {
        assertThat(forms.withoutArguments("pool create web-?? template=rhel9 size=2")).isEmpty();
        assertThat(forms.withoutArguments("no such command")).isEmpty();
        assertThat(forms.withoutArguments(" ")).isEmpty();
        assertThat(forms.of("no.such")).isEmpty();
        assertThat(forms.of(null)).isEmpty();
    }
}
