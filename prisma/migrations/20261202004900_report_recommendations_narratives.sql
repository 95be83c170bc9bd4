-- migrate:up
-- The draft inspection report's own records, kept by the lead inspector on the panel.
-- Recommendations: numbered in the report in `position` order, each addressed to one party
-- ("Greater Manchester Police should: …", "The YJS Partnership Board should: …").
CREATE TYPE recommendation_party AS ENUM ('yjs', 'management_board', 'police', 'health', 'local_authority', 'other');

CREATE TABLE recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 1),
  party recommendation_party NOT NULL,
  -- The party's name as the report prints it when it is not the generic one ("Greater Manchester Police").
  party_name text CHECK (party_name IS NULL OR length(trim(party_name)) > 0),
  text text NOT NULL CHECK (length(trim(text)) > 0),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  -- Deferred: moving a recommendation swaps two positions inside one transaction.
  CONSTRAINT recommendations_position_unique UNIQUE (inspection_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- The lead's narrative for a standard: the report's strengths and areas for improvement, for every
-- standard (case-rated ones included, as the 2021+ reports have). One row per standard.
CREATE TABLE standard_narratives (
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  standard_id text NOT NULL,
  strengths text NOT NULL DEFAULT '',
  areas_for_improvement text NOT NULL DEFAULT '',
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, standard_id)
);

-- migrate:down
DROP TABLE standard_narratives;
DROP TABLE recommendations;
DROP TYPE recommendation_party;
