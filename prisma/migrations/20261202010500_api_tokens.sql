-- migrate:up
-- API tokens (lib/api-tokens): a script or spreadsheet calls POST /api/rate with
-- `Authorization: Bearer <token>` instead of a browser session. An administrator creates one and
-- sees it once; only its SHA-256 is stored (the token is 256 random bits, so a slow hash adds
-- nothing). Revoked tokens are kept, with who revoked them, so the list stays a record.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  token_hash text NOT NULL UNIQUE,
  -- The token's first characters, shown in the list so an operator can tell tokens apart.
  token_prefix text NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3),
  revoked_by uuid REFERENCES users (id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- migrate:down
DROP TABLE api_tokens;
