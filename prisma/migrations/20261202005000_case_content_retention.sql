-- migrate:up
-- Retention of children's data (lib/retention): once an inspection's sign-off is older than the
-- retention period, its case text (rationales, not-applicable reasons, notes, comments, reasons for
-- adding or removing a case, evidence text) is erased; figures, ratings and the sign-off stay.
-- case_content_erased_at records that it happened (with an audit event saying what was erased).
ALTER TABLE inspections ADD COLUMN case_content_erased_at timestamptz(3);

-- What erasure leaves of one audit payload: the free-text values replaced by '[erased]', every
-- other key (ids, versions, values, statuses) unchanged. Payloads are flat objects (lib/audit).
CREATE FUNCTION case_content_redacted(payload jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN payload IS NULL OR jsonb_typeof(payload) <> 'object' THEN payload
    ELSE (
      SELECT coalesce(jsonb_object_agg(key, CASE
        WHEN key IN ('rationale', 'naReason', 'overallNotes', 'comment', 'reply', 'reason', 'additionReason', 'removalReason', 'text', 'body')
          AND jsonb_typeof(value) = 'string' AND value <> '""'::jsonb
        THEN '"[erased]"'::jsonb
        ELSE value END), '{}'::jsonb)
      FROM jsonb_each(payload))
  END
$$;

-- The audit log stays append-only with one exception: replacing a payload of one inspection's
-- case events by its redaction, while the transaction names that inspection in
-- case_review.redacting_inspection (set only by lib/retention). Any other UPDATE, any DELETE and
-- TRUNCATE are refused as before, so even that setting cannot be used to rewrite history: the only
-- change it permits is the erasure itself, which lib/retention records as an audit event.
CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_LEVEL = 'ROW' THEN
    IF current_setting('case_review.redacting_inspection', true) IS NOT NULL
       AND OLD.case_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM cases c WHERE c.id = OLD.case_id
                   AND c.inspection_id::text = current_setting('case_review.redacting_inspection', true))
       AND (NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.inspection_id, NEW.case_id)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.inspection_id, OLD.case_id)
       AND NEW.before IS NOT DISTINCT FROM case_content_redacted(OLD.before)
       AND NEW.after IS NOT DISTINCT FROM case_content_redacted(OLD.after) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- migrate:down
CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP FUNCTION case_content_redacted(jsonb);
ALTER TABLE inspections DROP COLUMN case_content_erased_at;
