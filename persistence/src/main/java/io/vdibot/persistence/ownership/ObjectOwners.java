package io.vdibot.persistence.ownership;

import io.vdibot.persistence.jdbc.SqlParams;
import io.vdibot.persistence.jdbc.UtcTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code object_owner} table: who, besides administrators, may change an object. A row is written when the bot
 * creates the object or an administrator assigns it, and removed when the bot deletes the object.
 */
public final class ObjectOwners {

    private static final String COLUMNS =
            "kind, site, name, owner_uid, owner_group, created_by_task, changed_by, changed_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ObjectOwners(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    public Optional<ObjectOwner> find(String kind, String site, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM object_owner WHERE kind = :kind AND site = :site AND name = :name")
                .paramSource(key(kind, site, name)).query(ObjectOwners::map).optional();
    }

    /**
     * The object was just created by {@code uid}'s task: they own it, and nobody else does (an earlier row for the
     * same name belonged to an object that is gone).
     */
    public void recordCreator(String kind, String site, String name, String uid, String taskCode) {
        jdbc.sql("INSERT INTO object_owner (" + COLUMNS + ") VALUES (:kind, :site, :name, :uid, NULL, :task, :uid, :now)"
                        + " ON DUPLICATE KEY UPDATE owner_uid = :uid, owner_group = NULL, created_by_task = :task,"
                        + " changed_by = :uid, changed_at = :now")
                .paramSource(key(kind, site, name).text("uid", uid).text("task", taskCode)
                        .time("now", UtcTimes.now(clock)))
                .update();
    }

    /**
     * Hands the object to the members of {@code group}; the user who created it keeps it only as a member. A
     * {@code null} group gives it back to administrators alone.
     */
    public void assignGroup(String kind, String site, String name, String group, String assignedBy) {
        if (group == null) {
            forget(kind, site, name);
            return;
        }
        jdbc.sql("INSERT INTO object_owner (" + COLUMNS + ") VALUES (:kind, :site, :name, NULL, :group, NULL, :by, :now)"
                        + " ON DUPLICATE KEY UPDATE owner_uid = NULL, owner_group = :group, changed_by = :by,"
                        + " changed_at = :now")
                .paramSource(key(kind, site, name).text("group", group).text("by", assignedBy)
                        .time("now", UtcTimes.now(clock)))
                .update();
    }

    /** The object is gone; false when it had no owner row. */
    public boolean forget(String kind, String site, String name) {
        return jdbc.sql("DELETE FROM object_owner WHERE kind = :kind AND site = :site AND name = :name")
                .paramSource(key(kind, site, name)).update() == 1;
    }

    private static SqlParams key(String kind, String site, String name) {
        return SqlParams.params().text("kind", kind).text("site", site).text("name", name);
    }

    private static ObjectOwner map(ResultSet rs, int row) throws SQLException {
        return new ObjectOwner(rs.getString("kind"), rs.getString("site"), rs.getString("name"),
                rs.getString("owner_uid"), rs.getString("owner_group"), rs.getString("created_by_task"),
                rs.getString("changed_by"), UtcTimes.fromColumn(rs, "changed_at"));
    }
}
