-- When the approvers were last reminded of a task that waits for them (NULL: never). A reminder is claimed by
-- moving this time forward with a compare-and-set, so of several bot processes only one reminds.
ALTER TABLE task ADD COLUMN approval_reminded_at DATETIME(6) NULL COMMENT 'last reminder to the approvers (UTC)';
