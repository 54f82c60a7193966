-- A finished task whose result the thread has not been given yet. finish() sets it in the same statement that ends
-- the task; the node clears it once it has posted the result and told the on-call people. A node killed in between
-- leaves it set, and another node posts the result for it, so that a result is never lost with a node.
ALTER TABLE task
    ADD COLUMN result_pending BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'the result is still to be posted',
    ADD INDEX ix_task_result_pending (result_pending, claimed_by);
