-- Duplicate lookup on intake (app/complaints/find_duplicates): the cases of a category in a
-- narrow band of latitude around the new pin, without reading the category's whole month.
CREATE INDEX complaints_category_latitude ON complaints (category_code, latitude) WHERE latitude IS NOT NULL;
