-- Who asked the bot for what, and what it decided: every request (allowed, denied, invalid, refused at intake,
-- accepted as a task), with the command as typed and its secrets masked. Append-only: the triggers refuse any
-- change or removal, so an audit row says what happened even to someone with the bot's database account.
CREATE TABLE audit_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    at               DATETIME(6)   NOT NULL,
    platform         VARCHAR(16)   NOT NULL,
    platform_user_id VARCHAR(255)  NOT NULL,
    directory_uid    VARCHAR(255)  NULL,
    command_id       VARCHAR(64)   NULL COMMENT 'null when the text did not parse',
    command_text     TEXT          NULL COMMENT 'as typed, secrets masked',
    decision         VARCHAR(16)   NOT NULL COMMENT 'allowed, denied, invalid, refused, accepted',
    reason           VARCHAR(1024) NULL,
    task_id          BIGINT        NULL,
    PRIMARY KEY (id),
    INDEX ix_audit_event_at (at),
    INDEX ix_audit_event_uid (directory_uid, at),
    INDEX ix_audit_event_task (task_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TRIGGER audit_event_append_only_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit events are append-only';

CREATE TRIGGER audit_event_append_only_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit events are append-only';
