-- migrate:up
-- An inspection has at most one lead inspector, enforced by the database so that two app instances
-- changing the team at once cannot both appoint one. (Starting fieldwork requires exactly one.)
CREATE UNIQUE INDEX memberships_one_lead ON memberships (inspection_id) WHERE role = 'lead_inspector';
-- Set-up reads the population and the sample by inspection and stream.
CREATE INDEX population_cases_inspection_stream_idx ON population_cases (inspection_id, stream);
CREATE INDEX population_imports_inspection_id_idx ON population_imports (inspection_id);
CREATE INDEX sample_draws_inspection_stream_idx ON sample_draws (inspection_id, stream, created_at);

-- migrate:down
DROP INDEX sample_draws_inspection_stream_idx;
DROP INDEX population_imports_inspection_id_idx;
DROP INDEX population_cases_inspection_stream_idx;
DROP INDEX memberships_one_lead;
