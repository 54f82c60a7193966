-- A log line written from a message keeps its key and arguments besides the text in the requester's language, so that
-- /vdi logs says it in the reader's language. Lines written before, and free texts, have neither.
ALTER TABLE task_log
    ADD COLUMN message_key  VARCHAR(128) NULL,
    ADD COLUMN message_args TEXT         NULL COMMENT 'JSON array of the arguments';
