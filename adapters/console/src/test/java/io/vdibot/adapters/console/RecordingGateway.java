package io.vdibot.adapters.console;

import io.vdibot.commands.port.CommandGateway;
import io.vdibot.commands.port.Envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps what the console hands over; optionally reacts to each envelope the way a core would. */
final class RecordingGateway implements CommandGateway {

    private final List<Envelope> envelopes = new ArrayList<>();
    private final Consumer<Envelope> reaction;

    RecordingGateway() {
        this(envelope -> { });
    }

    RecordingGateway(Consumer<Envelope> reaction) {
        this.reaction = reaction;
    }

    @Override
    public void submit(Envelope envelope) {
        synchronized (envelopes) {
            envelopes.add(envelope);
        }
        reaction.accept(envelope);
    }

    List<Envelope> envelopes() {
        synchronized (envelopes) {
            return List.copyOf(envelopes);
        }
    }

    List<String> texts() {
        return envelopes().stream().map(Envelope::text).toList();
    }
}
