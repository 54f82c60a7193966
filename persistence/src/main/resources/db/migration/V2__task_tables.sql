-- Tasks, their steps and their logs.
-- All times are DATETIME(6) holding UTC wall-clock time, written by the application (never NOW()), so
-- neither the server's nor the session's time zone changes them.
-- utf8mb4_bin: Slack and Teams ids, idempotency keys and step keys are case-sensitive.

CREATE TABLE task (
    -- Shown to users as "T" + id (T1042); AUTO_INCREMENT keeps it unique across every bot process.
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    command_id              VARCHAR(64)  NOT NULL,
    request_json            JSON         NOT NULL,
    -- a io.vdibot.commands.task.TaskStatus name; not constrained here because that enum lives elsewhere
    status                  VARCHAR(32)  NOT NULL,
    site                    VARCHAR(64)  NULL,
    requester_platform      VARCHAR(16)  NOT NULL,
    requester_user_id       VARCHAR(255) NOT NULL,
    requester_directory_uid VARCHAR(255) NULL,
    requester_display_name  VARCHAR(255) NULL,
    locale                  VARCHAR(35)  NULL COMMENT 'BCP 47 language tag',
    time_zone               VARCHAR(64)  NULL COMMENT 'IANA zone id of the requester',
    thread_ref_json         JSON         NULL COMMENT 'platform ids of the thread to answer in',
    idempotency_key         VARCHAR(255) NULL COMMENT 'e.g. Slack trigger id, Teams activity id',
    run_at                  DATETIME(6)  NOT NULL,
    created_at              DATETIME(6)  NOT NULL,
    updated_at              DATETIME(6)  NOT NULL,
    started_at              DATETIME(6)  NULL,
    finished_at             DATETIME(6)  NULL,
    needs_approval          BOOLEAN      NOT NULL DEFAULT FALSE,
    decided_by              VARCHAR(255) NULL,
    decided_at              DATETIME(6)  NULL,
    decision_reason         TEXT         NULL,
    -- the node running the task and its last sign of life, so a dead node's RUNNING task can be found
    claimed_by              VARCHAR(128) NULL,
    heartbeat_at            DATETIME(6)  NULL,
    result_summary          TEXT         NULL,
    -- bumped by every state change; writers that read first compare it (optimistic locking)
    version                 INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_task_idempotency_key (idempotency_key),
    INDEX ix_task_status_created (status, created_at),
    INDEX ix_task_status_run_at (status, run_at),
    INDEX ix_task_requester (requester_platform, requester_user_id, created_at),
    INDEX ix_task_claimed_by (claimed_by, status)
) ENGINE = InnoDB AUTO_INCREMENT = 1000 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per step of a task. A resumed task skips DONE steps and reads what earlier attempts
-- recorded in data_json (e.g. the id of a VM already created), so nothing is created twice.
CREATE TABLE task_step (
    task_id     BIGINT      NOT NULL,
    step_key    VARCHAR(64) NOT NULL COMMENT 'e.g. preflight, create-vm, start-vm, wait-ip',
    ordinal     INT         NOT NULL,
    status      VARCHAR(8)  NOT NULL,
    started_at  DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NULL,
    data_json   JSON        NULL,
    PRIMARY KEY (task_id, step_key),
    CONSTRAINT ck_task_step_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT fk_task_step_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The deploy log (what was done) and the error log (what failed and why). Messages are rendered
-- text and never contain secrets.
CREATE TABLE task_log (
    id       BIGINT      NOT NULL AUTO_INCREMENT,
    task_id  BIGINT      NOT NULL,
    at       DATETIME(6) NOT NULL,
    kind     VARCHAR(8)  NOT NULL,
    step_key VARCHAR(64) NULL,
    message  TEXT        NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_task_log_task (task_id, at, id),
    CONSTRAINT ck_task_log_kind CHECK (kind IN ('DEPLOY', 'ERROR')),
    CONSTRAINT fk_task_log_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
