-- Duplicate lookup on intake reads only open, public, unmerged cases: two partial indexes hold
-- exactly those, with every column the lookup filters on, so it reads index entries instead of
-- rows until it has its 20 candidates (replacing 0007's index on all cases).
DROP INDEX complaints_category_latitude;
CREATE INDEX complaints_open_by_region ON complaints (category_code, region_code, submitted_at)
  WHERE status NOT IN ('closed', 'rejected') AND merged_into_id IS NULL AND confidential = 0;
CREATE INDEX complaints_open_by_latitude ON complaints (category_code, latitude, longitude, submitted_at)
  WHERE status NOT IN ('closed', 'rejected') AND merged_into_id IS NULL AND confidential = 0;
