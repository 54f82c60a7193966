package io.vdibot.adapters.teams.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vdibot.commands.reply.FieldsBlock;
import io.vdibot.commands.reply.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardRendererTest {

    @Test
    void aFieldNamingAMomentAddsItInEachReadersOwnZoneAsATextBlockWithTheClientsDateFunctions() {
        Reply reply = Reply.builder().fields(List.of(
                new FieldsBlock.Field("Runs", "at 2026-12-01 09:00 Europe/Paris", Instant.parse("2026-12-01T08:00:00Z")),
                new FieldsBlock.Field("Site", "dc1"))).build();

        ObjectNode card = new CardRenderer().render(reply).first();

        String json = card.toString();
        assertThat(json).contains("at 2026-12-01 09:00 Europe/Paris")
                .contains("{\"type\":\"TextBlock\",\"text\":\"\u2192 {{DATE(2026-12-01T08:00:00Z, SHORT)}} "
                        + "{{TIME(2026-12-01T08:00:00Z)}}\"");
        assertThat(json.split("\\{\\{DATE\\(", -1)).as("only the field that names a moment").hasSize(2);
    }
}
