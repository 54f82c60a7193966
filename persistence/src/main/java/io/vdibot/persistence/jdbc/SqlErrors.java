package io.vdibot.persistence.jdbc;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;

/** Recognises MariaDB errors the repositories turn into ordinary outcomes. */
public final class SqlErrors {

    /** ER_DUP_ENTRY: a unique or primary key already holds the value. */
    private static final int DUPLICATE_ENTRY = 1062;

    private SqlErrors() {
    }

    public static boolean isDuplicateKey(DataAccessException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
