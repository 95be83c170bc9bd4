-- migrate:up
-- The 2018 framework samples court and out-of-court disposals from different periods (S2: six to
-- nine and three to five months before). For yjs-2018, window_start/window_end are the court
-- disposal window and ooc_window_start/ooc_window_end the out-of-court one; yjs-2021 has one window
-- (window_start/window_end) for every stream and no out-of-court window.
ALTER TABLE inspections
  ADD COLUMN ooc_window_start date,
  ADD COLUMN ooc_window_end date;

-- Until now a yjs-2018 inspection's one window applied to both streams: keep that meaning.
UPDATE inspections
SET ooc_window_start = window_start, ooc_window_end = window_end
WHERE framework_version = 'yjs-2018' AND window_start IS NOT NULL AND window_end IS NOT NULL;

ALTER TABLE inspections
  ADD CONSTRAINT inspections_ooc_window_check CHECK (
    (ooc_window_start IS NULL AND ooc_window_end IS NULL)
    OR (ooc_window_start IS NOT NULL AND ooc_window_end IS NOT NULL AND ooc_window_start <= ooc_window_end
        AND framework_version = 'yjs-2018')
  );

-- migrate:down
ALTER TABLE inspections DROP CONSTRAINT inspections_ooc_window_check;
ALTER TABLE inspections DROP COLUMN ooc_window_end, DROP COLUMN ooc_window_start;
