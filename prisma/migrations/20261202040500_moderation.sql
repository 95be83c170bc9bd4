-- migrate:up
-- Moderation (issue 16): a quality assurer, assigned to an inspection as its moderator, second-assesses
-- a dip sample of its cases. Everything they record lives apart from the inspector's answers, so the
-- panel's figures (which read answers only) cannot count it.
ALTER TYPE user_role ADD VALUE 'quality_assurer';

-- Moderators are not team members (memberships): they answer no case, are allocated nothing and see
-- no inspector's answer before their own. The right is held only while the account is a quality
-- assurer (lib/permissions/table.ts moderatorHeld); a role change removes the row (lib/users/teams.ts).
CREATE TABLE inspection_moderators (
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  added_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_moderators_user_id_idx ON inspection_moderators (user_id);

-- A seeded draw of the dip sample, as sample_draws records the main one: reproducible and audited.
CREATE TABLE moderation_draws (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  seed text NOT NULL,
  -- What was asked for: a count of cases, or a percentage of the eligible ones.
  request_kind text NOT NULL CHECK (request_kind IN ('count', 'percent')),
  request_value integer NOT NULL CHECK (request_value > 0),
  size integer NOT NULL CHECK (size >= 0),
  population_size integer NOT NULL CHECK (population_size >= 0),
  method text NOT NULL,
  drawn_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX moderation_draws_inspection_id_idx ON moderation_draws (inspection_id);

-- A case in the dip sample: drawn (draw_id) or added by hand (addition_reason).
CREATE TABLE moderation_cases (
  case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  draw_id uuid REFERENCES moderation_draws (id),
  addition_reason text CHECK (addition_reason IS NULL OR length(addition_reason) BETWEEN 1 AND 500),
  added_by uuid NOT NULL REFERENCES users (id),
  added_at timestamptz(3) NOT NULL DEFAULT now(),
  -- Set when the moderator completes the second assessment: only then may they see the inspector's answers.
  completed_at timestamptz(3),
  completed_by uuid REFERENCES users (id),
  CHECK (draw_id IS NOT NULL OR addition_reason IS NOT NULL),
  CHECK ((completed_at IS NULL) = (completed_by IS NULL))
);
CREATE INDEX moderation_cases_inspection_id_idx ON moderation_cases (inspection_id);

-- The moderator's blind answers, one per key question: never in answers, never in the panel's figures.
CREATE TABLE second_answers (
  case_id uuid NOT NULL REFERENCES moderation_cases (case_id) ON DELETE CASCADE,
  question_id text NOT NULL,
  value answer_value NOT NULL,
  rationale text NOT NULL DEFAULT '',
  moderator_id uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, question_id)
);

-- The moderator's outcome on one disagreement, and the inspector's response to it.
CREATE TABLE moderation_outcomes (
  case_id uuid NOT NULL REFERENCES moderation_cases (case_id) ON DELETE CASCADE,
  question_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('answer_stands', 'inspector_to_review')),
  note text NOT NULL CHECK (length(note) <= 2000),
  -- The inspector's and the moderator's answers the outcome was recorded against.
  inspector_value answer_value,
  second_value answer_value NOT NULL,
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz(3) NOT NULL DEFAULT now(),
  response text CHECK (response IS NULL OR response IN ('changed', 'kept')),
  reply text CHECK (reply IS NULL OR length(reply) <= 2000),
  responded_by uuid REFERENCES users (id),
  responded_at timestamptz(3),
  PRIMARY KEY (case_id, question_id),
  CHECK ((response IS NULL) = (responded_at IS NULL) AND (response IS NULL) = (responded_by IS NULL))
);

-- migrate:down
DROP TABLE moderation_outcomes;
DROP TABLE second_answers;
DROP TABLE moderation_cases;
DROP TABLE moderation_draws;
DROP TABLE inspection_moderators;
-- Quality assurers cannot be deleted (their audit events name them): they become disabled inspectors.
UPDATE users SET role = 'inspector', active = false, session_version = session_version + 1 WHERE role = 'quality_assurer';
ALTER TYPE user_role RENAME TO user_role_old;
CREATE TYPE user_role AS ENUM ('admin', 'manager', 'lead_inspector', 'inspector');
ALTER TABLE users ALTER COLUMN role TYPE user_role USING role::text::user_role;
DROP TYPE user_role_old;
