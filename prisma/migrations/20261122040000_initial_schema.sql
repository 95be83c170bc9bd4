-- migrate:up
CREATE TYPE user_role AS ENUM ('admin', 'manager', 'lead_inspector', 'inspector');
CREATE TYPE member_role AS ENUM ('lead_inspector', 'inspector');
CREATE TYPE inspection_status AS ENUM ('setup', 'fieldwork', 'panel', 'signed_off');
CREATE TYPE stream AS ENUM ('court', 'out_of_court', 'resettlement');
CREATE TYPE case_status AS ENUM ('not_started', 'in_progress', 'completed', 'returned', 'approved');
CREATE TYPE answer_value AS ENUM ('yes', 'no', 'na');
CREATE TYPE classification AS ENUM ('low', 'medium', 'high', 'very_high');
CREATE TYPE gender AS ENUM ('male', 'female', 'other');
CREATE TYPE query_status AS ENUM ('open', 'answered', 'closed');
CREATE TYPE evidence_kind AS ENUM ('strength', 'area_for_improvement');
CREATE TYPE evidence_source AS ENUM ('document', 'meeting', 'interview', 'case');
CREATE TYPE panel_decision_kind AS ENUM ('judgement', 'discretion');

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  role user_role NOT NULL,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  session_version integer NOT NULL DEFAULT 1,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE inspections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  yjs_name text NOT NULL CHECK (length(trim(yjs_name)) > 0),
  framework_version text NOT NULL CHECK (framework_version IN ('yjs-2018', 'yjs-2021')),
  fieldwork_start date NOT NULL,
  window_start date,
  window_end date,
  status inspection_status NOT NULL DEFAULT 'setup',
  created_by uuid REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (window_start IS NULL OR window_end IS NULL OR window_start <= window_end)
);

CREATE TABLE memberships (
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  role member_role NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

CREATE TABLE population_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  row_count integer NOT NULL,
  imported_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE population_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  import_id uuid NOT NULL REFERENCES population_imports (id) ON DELETE CASCADE,
  reference text NOT NULL,
  stream stream NOT NULL,
  disposal_type text NOT NULL,
  disposal_date date NOT NULL,
  gender gender NOT NULL,
  ethnicity text,
  age integer CHECK (age BETWEEN 10 AND 18),
  rosh classification NOT NULL,
  safety_wellbeing classification NOT NULL,
  case_manager text,
  UNIQUE (inspection_id, reference)
);

CREATE TABLE sample_draws (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  stream stream NOT NULL,
  seed text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  population_size integer NOT NULL CHECK (population_size >= 0),
  method text NOT NULL,
  drawn_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  population_case_id uuid UNIQUE REFERENCES population_cases (id),
  reference text NOT NULL,
  stream stream NOT NULL,
  disposal_type text NOT NULL,
  disposal_date date,
  gender gender,
  ethnicity text,
  age integer CHECK (age BETWEEN 10 AND 18),
  rosh classification,
  safety_wellbeing classification,
  harm_factors boolean,
  safety_wellbeing_factors boolean,
  case_manager_interviewed boolean,
  case_manager_interview_date date,
  overall_notes text NOT NULL DEFAULT '',
  allocated_to uuid REFERENCES users (id),
  status case_status NOT NULL DEFAULT 'not_started',
  addition_reason text,
  removed_at timestamptz(3),
  removal_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, reference),
  CHECK (removed_at IS NULL OR length(trim(coalesce(removal_reason, ''))) > 0)
);
CREATE INDEX cases_allocated_to_idx ON cases (allocated_to);

CREATE TABLE case_sections (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  standard_id text NOT NULL,
  completed_at timestamptz(3) NOT NULL DEFAULT now(),
  completed_by uuid NOT NULL,
  PRIMARY KEY (case_id, standard_id)
);

CREATE TABLE answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  question_id text NOT NULL,
  value answer_value,
  na_reason text,
  rationale text NOT NULL DEFAULT '',
  prompt_marks jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (case_id, question_id)
);

CREATE TABLE applied_changes (
  change_id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  response jsonb NOT NULL,
  applied_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE queries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  answer_id uuid REFERENCES answers (id),
  question_id text NOT NULL,
  status query_status NOT NULL DEFAULT 'open',
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX queries_case_id_idx ON queries (case_id);

CREATE TABLE query_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  query_id uuid NOT NULL REFERENCES queries (id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(trim(body)) > 0),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE evidence_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  standard_id text NOT NULL,
  topic text NOT NULL,
  kind evidence_kind NOT NULL,
  source evidence_source NOT NULL,
  text text NOT NULL CHECK (length(trim(text)) > 0),
  occurred_on date NOT NULL,
  case_id uuid REFERENCES cases (id),
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  deleted_at timestamptz(3)
);
CREATE INDEX evidence_items_inspection_id_standard_id_idx ON evidence_items (inspection_id, standard_id);

CREATE TABLE panel_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  standard_id text NOT NULL,
  kind panel_decision_kind NOT NULL,
  rating text NOT NULL CHECK (rating IN ('Outstanding', 'Good', 'Requires improvement', 'Inadequate')),
  note text NOT NULL CHECK (length(trim(note)) > 0),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, standard_id, kind)
);

CREATE TABLE sign_offs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  signed_by uuid NOT NULL REFERENCES users (id),
  signed_at timestamptz(3) NOT NULL DEFAULT now(),
  ratings jsonb NOT NULL,
  voided_at timestamptz(3),
  voided_by uuid REFERENCES users (id),
  void_reason text,
  CHECK (voided_at IS NULL OR length(trim(coalesce(void_reason, ''))) > 0)
);
-- At most one sign-off in force per inspection.
CREATE UNIQUE INDEX sign_offs_one_in_force ON sign_offs (inspection_id) WHERE voided_at IS NULL;

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  inspection_id uuid,
  case_id uuid,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_events_case_id_at_idx ON audit_events (case_id, at);
CREATE INDEX audit_events_inspection_id_at_idx ON audit_events (inspection_id, at);

-- The audit trail is evidence: the database itself refuses to change or remove it.
CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();

CREATE TABLE rate_limit_buckets (
  key text NOT NULL,
  window_start timestamptz(3) NOT NULL,
  count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);

-- migrate:down
DROP TABLE rate_limit_buckets, audit_events, sign_offs, panel_decisions, evidence_items,
  query_messages, queries, applied_changes, answers, case_sections, cases, sample_draws,
  population_cases, population_imports, memberships, inspections, users;
DROP FUNCTION audit_events_are_append_only();
DROP TYPE panel_decision_kind, evidence_source, evidence_kind, query_status, gender, classification,
  answer_value, case_status, stream, inspection_status, member_role, user_role;
