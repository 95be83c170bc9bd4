-- migrate:up
-- Sessions are encrypted cookies that every app instance can verify on its own. Signing out records
-- the session's id (the token's `sid`) here, so that a copy of the cookie is refused by every
-- instance; a row is kept until every token of that session has expired, then pruned.
CREATE TABLE revoked_sessions (
  session_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  revoked_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX revoked_sessions_expires_at_idx ON revoked_sessions (expires_at);

-- migrate:down
DROP TABLE revoked_sessions;
