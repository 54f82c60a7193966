-- What a restarted bot needs to keep talking in the same places.
-- utf8mb4_bin: Slack and Teams ids are case-sensitive.

-- Messages the bot keeps editing, e.g. the status message in the request's thread or the approval card
-- sent to approvers. handle_json holds the platform's ids (Slack: channel + ts; Teams: conversation +
-- activity id).
CREATE TABLE thread_message (
    task_id     BIGINT      NOT NULL,
    platform    VARCHAR(16) NOT NULL,
    purpose     VARCHAR(32) NOT NULL COMMENT 'e.g. status, approval',
    handle_json JSON        NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (task_id, platform, purpose),
    CONSTRAINT fk_thread_message_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Where the bot may post proactively (a Teams conversation reference, a Slack DM channel), by user or
-- channel id.
CREATE TABLE conversation_ref (
    platform       VARCHAR(16)  NOT NULL,
    ref_key        VARCHAR(255) NOT NULL COMMENT 'user or channel id on that platform',
    reference_json JSON         NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (platform, ref_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
