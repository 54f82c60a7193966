-- Exclusive use of a shared resource by one task at a time, e.g. "export-domain:<id>" while a template
-- is moved between sites. The primary key makes acquisition atomic across every bot process.
-- No foreign key to task: a lease may outlive a purged task until an operator force-releases it.
CREATE TABLE resource_lease (
    resource_key VARCHAR(255) NOT NULL,
    owner_node   VARCHAR(128) NOT NULL,
    task_id      BIGINT       NOT NULL,
    acquired_at  DATETIME(6)  NOT NULL,
    note         VARCHAR(512) NULL,
    PRIMARY KEY (resource_key),
    INDEX ix_resource_lease_task (task_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
