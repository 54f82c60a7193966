-- Who asked to cancel a running task. The node running it looks before each step and stops there,
-- so the request works whichever bot process took it.
ALTER TABLE task ADD COLUMN cancel_requested_by VARCHAR(255) NULL;
