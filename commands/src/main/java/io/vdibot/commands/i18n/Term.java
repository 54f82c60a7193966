package io.vdibot.commands.i18n;

/**
 * A word of the engine's vocabulary passed as a message argument ({@code vm.delete.log.stopped} with the VM's status):
 * {@link Messages#format} says it in the reader's language through {@link Messages#term}, so that a message kept as
 * a {@link Text} is translated whole wherever it is read.
 */
public record Term(EngineTerm family, String value) {

    @Override
    public String toString() {
        return value == null ? "-" : value;
    }
}
