-- migrate:up
-- A completed case that someone edits goes back to in progress (lib/cases/case-state.ts). This column
-- keeps the lead's signal in the row itself, so the cases grid and notifications can show it without
-- reading the audit log: when it was first changed after completion, and by whom. The lead's
-- approval clears it (the lead has then reviewed the case as it stands).
ALTER TABLE cases
  ADD COLUMN changed_after_completion_at timestamptz(3),
  ADD COLUMN changed_after_completion_by uuid REFERENCES users (id);

-- migrate:down
ALTER TABLE cases DROP COLUMN changed_after_completion_by, DROP COLUMN changed_after_completion_at;
