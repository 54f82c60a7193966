package io.vdibot.persistence.conversation;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/** Conversation references for proactive messages, in {@code conversation_ref}, one per (platform, key). */
public final class ConversationRefRepository {

    private static final String COLUMNS = "platform, ref_key, reference_json, updated_at";
    private static final RowMapper<ConversationRef> ROW_MAPPER = ConversationRefRepository::mapRow;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConversationRefRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public ConversationRefRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores the reference, replacing an older one for the same platform and key. */
    public ConversationRef upsert(Platform platform, String key, String referenceJson) {
        Instant now = UtcTimes.now(clock);
        jdbc.sql("""
                        INSERT INTO conversation_ref (platform, ref_key, reference_json, updated_at)
                        VALUES (:platform, :key, :reference, :now)
                        ON DUPLICATE KEY UPDATE reference_json = :reference, updated_at = :now
                        """)
                .paramSource(SqlParams.params()
                        .text("platform", platform.name())
                        .text("key", key)
                        .text("reference", Objects.requireNonNull(referenceJson, "referenceJson"))
                        .time("now", now))
                .update();
        return new ConversationRef(platform, key, referenceJson, now);
    }

    public Optional<ConversationRef> find(Platform platform, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation_ref WHERE platform = :platform AND ref_key = :key")
                .paramSource(SqlParams.params().text("platform", platform.name()).text("key", key))
                .query(ROW_MAPPER)
                .optional();
    }

    public List<ConversationRef> listByPlatform(Platform platform) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation_ref WHERE platform = :platform ORDER BY ref_key")
                .paramSource(SqlParams.params().text("platform", platform.name()))
                .query(ROW_MAPPER)
                .list();
    }

    /** Forgets a reference, e.g. when the bot was removed from that conversation. */
    public boolean delete(Platform platform, String key) {
        return jdbc.sql("DELETE FROM conversation_ref WHERE platform = :platform AND ref_key = :key")
                .paramSource(SqlParams.params().text("platform", platform.name()).text("key", key))
                .update() == 1;
    }

    private static ConversationRef mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new ConversationRef(
                Platform.valueOf(rs.getString("platform")),
                rs.getString("ref_key"),
                rs.getString("reference_json"),
                UtcTimes.fromColumn(rs, "updated_at"));
    }
}
