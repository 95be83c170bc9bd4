-- migrate:up
-- A resent change must repeat the change: its content's digest is kept with its id, so reusing the
-- id for other content is refused (409) instead of answered "duplicate" with the new content dropped.
-- Rows from before have none and are answered as before.
ALTER TABLE applied_changes ADD COLUMN content_digest text;

-- migrate:down
ALTER TABLE applied_changes DROP COLUMN content_digest;
