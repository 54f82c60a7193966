-- A started task that waits for a lease another task holds (status WAITING): what it waits for, and since when,
-- so that it runs again when the lease is free and gives up after the configured longest wait.
ALTER TABLE task
    ADD COLUMN waiting_for   VARCHAR(255) NULL COMMENT 'resource_lease.resource_key the task waits for',
    ADD COLUMN waiting_since DATETIME(6)  NULL COMMENT 'when it first waited for it';
