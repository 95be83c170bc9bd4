-- migrate:up
-- The programme view (lib/programme) reads every inspection's figures at once, so it reads them
-- from here, never from answers: one compact row per signed-off inspection (written in the sign-off
-- transaction, lib/panel/programme-figures.ts; deleted when the ratings are reopened) and per
-- published inspection imported as reference data.
--
-- Published inspections are past reports' figures only: no cases, team, answers or panel. They get a
-- table of their own rather than rows in `inspections`, so no case, answer, panel, set-up or export
-- entry point can open or change one: every one of those looks its inspection up in `inspections`.
CREATE TABLE published_inspections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  yjs_name text NOT NULL CHECK (length(trim(yjs_name)) > 0),
  framework_version text NOT NULL CHECK (framework_version IN ('yjs-2018', 'yjs-2021')),
  fieldwork_start date NOT NULL,
  -- The published figures as imported (the rating contract's input), rated again by lib/rating.
  rating_input jsonb NOT NULL,
  source_sha256 text NOT NULL,
  -- Null when an operator imported it from the command line (npm run programme:import) or the demo seed.
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (yjs_name, fieldwork_start)
);

-- One row per inspection: its figures as two small JSON objects (standard id -> rating, key
-- question id -> whole-number % yes) rather than a row per standard and key question, so the whole
-- programme is one row per inspection (1,500 rows, not 70,000) and one index probe per benchmark.
CREATE TABLE programme_figures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid UNIQUE REFERENCES inspections (id) ON DELETE CASCADE,
  -- The sign-off whose snapshot these figures come from (live inspections only).
  sign_off_id uuid UNIQUE REFERENCES sign_offs (id) ON DELETE CASCADE,
  published_inspection_id uuid UNIQUE REFERENCES published_inspections (id) ON DELETE CASCADE,
  framework_version text NOT NULL CHECK (framework_version IN ('yjs-2018', 'yjs-2021')),
  overall_rating text CHECK (overall_rating IN ('Outstanding', 'Good', 'Requires improvement', 'Inadequate')),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 36),
  max_score integer NOT NULL CHECK (max_score BETWEEN 0 AND 36),
  standard_ratings jsonb NOT NULL CHECK (jsonb_typeof(standard_ratings) = 'object'),
  key_question_percents jsonb NOT NULL CHECK (jsonb_typeof(key_question_percents) = 'object'),
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(inspection_id, published_inspection_id) = 1),
  CHECK ((inspection_id IS NULL) = (sign_off_id IS NULL))
);
-- The benchmark compares an inspection with the others of its framework version.
CREATE INDEX programme_figures_framework_version ON programme_figures (framework_version);

-- Inspections signed off before this migration: their figures from the sign-off snapshot in force.
INSERT INTO programme_figures (inspection_id, sign_off_id, framework_version, overall_rating, score, max_score, standard_ratings, key_question_percents)
SELECT s.inspection_id, s.id, s.ratings -> 'result' ->> 'framework', s.ratings -> 'result' ->> 'overallRating',
       (s.ratings -> 'result' ->> 'score')::int, (s.ratings -> 'result' ->> 'maxScore')::int,
       (SELECT coalesce(jsonb_object_agg(st ->> 'id', st -> 'rating'), '{}'::jsonb)
          FROM jsonb_array_elements(s.ratings -> 'result' -> 'standards') st),
       (SELECT coalesce(jsonb_object_agg(kq ->> 'id', (kq ->> 'percentYes')::int), '{}'::jsonb)
          FROM jsonb_array_elements(s.ratings -> 'result' -> 'standards') st, jsonb_array_elements(st -> 'keyQuestions') kq)
FROM sign_offs s
WHERE s.voided_at IS NULL;

-- migrate:down
DROP TABLE programme_figures;
DROP TABLE published_inspections;
