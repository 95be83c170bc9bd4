-- migrate:up
-- A password an administrator set (a new account, or a reset) is temporary: until its owner chooses
-- their own under "Change password", every page sends them there and every other action is refused.
ALTER TABLE users ADD COLUMN password_is_temporary boolean NOT NULL DEFAULT false;

-- Failed sign-ins and lock-outs by email address, whether or not an account has it: an address with
-- no account then behaves exactly like one with an account (lib/auth/authenticate.ts), so the
-- lock-out message does not tell an attacker which addresses exist. Replaces the two user columns.
CREATE TABLE sign_in_failures (
  email text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz(3),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_updated_at_idx ON sign_in_failures (updated_at);
INSERT INTO sign_in_failures (email, failures, locked_until)
  SELECT email, failed_sign_ins, locked_until FROM users WHERE failed_sign_ins > 0 OR locked_until > now();
ALTER TABLE users DROP COLUMN failed_sign_ins, DROP COLUMN locked_until;

-- Pruning old rate-limit windows (lib/rate-limit) deletes by window start.
CREATE INDEX rate_limit_buckets_window_start_idx ON rate_limit_buckets (window_start);

-- migrate:down
DROP INDEX rate_limit_buckets_window_start_idx;
ALTER TABLE users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz(3);
DROP TABLE sign_in_failures;
ALTER TABLE users DROP COLUMN password_is_temporary;
