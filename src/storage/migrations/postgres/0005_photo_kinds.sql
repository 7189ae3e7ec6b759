-- Photos arrive at three moments: with the report, added later by the reporter through the
-- tracking link, and as the "after" photo of the handling unit's work (needed to resolve a case
-- of a field-work category). Who added it and when, for the timeline.
ALTER TABLE complaint_photos ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';
ALTER TABLE complaint_photos ADD COLUMN added_by TEXT NOT NULL DEFAULT 'reporter';
ALTER TABLE complaint_photos ADD COLUMN added_at TEXT NOT NULL DEFAULT '';
