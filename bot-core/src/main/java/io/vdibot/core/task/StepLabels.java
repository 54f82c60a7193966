package io.vdibot.core.task;

import io.vdibot.commands.i18n.Messages;
import io.vdibot.commands.i18n.Text;
import io.vdibot.rhev.task.TaskRun;
import java.util.List;

/**
 * The name of a journaled step in the reader's language, as the run's own steps table shows it. Runs label their
 * steps {@code <family>.step.<step>}, where the family is the command id ({@code vm.create}), or the run shared by
 * several commands: {@code vm.power} for start, stop, shutdown and reboot, {@code pool} for every pool command. A
 * step ending in a number ({@code grow-2}) is the family's {@code grow} with that number. A step no bundle names (a
 * task of an older version) keeps its key.
 */
final class StepLabels {

    private StepLabels() {
    }

    static String label(String commandId, String step, Messages messages) {
        for (String family : families(commandId)) {
            Text label = TaskRun.stepLabel(family, step);
            if (messages.has(label.key())) {
                return label.in(messages);
            }
        }
        return step;
    }

    private static List<String> families(String commandId) {
        String first = commandId.contains(".") ? commandId.substring(0, commandId.indexOf('.')) : commandId;
        return List.of(commandId, first + ".power", first);
    }
}
