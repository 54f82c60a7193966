-- Who may change an object the bot manages besides administrators: the user whose task created it, or a directory
-- group an administrator named. An object without a row belongs to administrators alone.
CREATE TABLE object_owner (
    kind            VARCHAR(16)  NOT NULL,
    site            VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    owner_uid       VARCHAR(255) NULL,
    owner_group     VARCHAR(255) NULL,
    created_by_task VARCHAR(32)  NULL,
    changed_by      VARCHAR(255) NOT NULL,
    changed_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (kind, site, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
