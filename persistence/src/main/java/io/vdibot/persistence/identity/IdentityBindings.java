package io.vdibot.persistence.identity;

import io.vdibot.commands.Platform;
import io.vdibot.persistence.jdbc.SqlErrors;
import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code identity_binding} table: one directory entry per chat account, kept until an administrator re-binds. */
public final class IdentityBindings {

    private static final String COLUMNS = "platform, platform_user_id, directory_uid, directory_dn, bound_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public IdentityBindings(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    public Optional<IdentityBinding> find(Platform platform, String platformUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_binding WHERE platform = :platform"
                        + " AND platform_user_id = :userId")
                .paramSource(SqlParams.params().text("platform", platform.name()).text("userId", platformUserId))
                .query(IdentityBindings::map).optional();
    }

    /**
     * Binds the account to the entry unless it is bound already; returns the binding in force (the earlier one when
     * two requests raced to bind).
     */
    public IdentityBinding bindIfAbsent(Platform platform, String platformUserId, String uid, String dn) {
        // looked up first: nearly every request comes from an account bound long ago, and a refused insert is logged
        Optional<IdentityBinding> bound = find(platform, platformUserId);
        if (bound.isPresent()) {
            return bound.get();
        }
        try {
            jdbc.sql("INSERT INTO identity_binding (" + COLUMNS + ") VALUES (:platform, :userId, :uid, :dn, :now)")
                    .paramSource(SqlParams.params().text("platform", platform.name()).text("userId", platformUserId)
                            .text("uid", uid).text("dn", dn).time("now", UtcTimes.now(clock)))
                    .update();
        } catch (DataAccessException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        return find(platform, platformUserId).orElseThrow();
    }

    /** Forgets the account's binding, so that its next request binds it afresh; false when there was none. */
    public boolean unbind(Platform platform, String platformUserId) {
        return jdbc.sql("DELETE FROM identity_binding WHERE platform = :platform AND platform_user_id = :userId")
                .paramSource(SqlParams.params().text("platform", platform.name()).text("userId", platformUserId))
                .update() == 1;
    }

    /** The accounts bound to a directory user (any case), or every binding when {@code uid} is null; at most 100. */
    public List<IdentityBinding> list(String uid) {
        String where = uid == null ? "" : " WHERE LOWER(directory_uid) = :uid";
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_binding" + where
                        + " ORDER BY directory_uid, platform, platform_user_id LIMIT 100")
                .paramSource(SqlParams.params().text("uid", uid == null ? null : uid.toLowerCase(Locale.ROOT)))
                .query(IdentityBindings::map).list();
    }

    private static IdentityBinding map(ResultSet rs, int row) throws SQLException {
        return new IdentityBinding(Platform.valueOf(rs.getString("platform")), rs.getString("platform_user_id"),
                rs.getString("directory_uid"), rs.getString("directory_dn"), UtcTimes.fromColumn(rs, "bound_at"));
    }
}
