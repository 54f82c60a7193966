-- Which directory entry a chat account speaks for, fixed the first time it was matched (by e-mail or UPN). When the
-- address later points elsewhere, or the entry moved, the bot refuses until an administrator re-binds.
CREATE TABLE identity_binding (
    platform         VARCHAR(16)   NOT NULL,
    platform_user_id VARCHAR(255)  NOT NULL,
    directory_uid    VARCHAR(255)  NOT NULL,
    directory_dn     VARCHAR(1024) NOT NULL,
    bound_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (platform, platform_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
