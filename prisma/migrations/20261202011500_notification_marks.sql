-- migrate:up
-- In-app notifications are derived from the audit trail (lib/notifications); each user's only state is
-- how far they have read it: the id of the newest audit event they had seen when they marked their
-- notifications as seen. In PostgreSQL, so every app instance agrees.
CREATE TABLE notification_marks (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  seen_up_to bigint NOT NULL DEFAULT 0 CHECK (seen_up_to >= 0),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE notification_marks;
