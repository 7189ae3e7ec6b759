-- Open311 GeoReport v2 (issue #7). The extra questions a category asks of each report (its
-- service definition: "how deep is the water?"), their options, and what each Open311
-- submission carried beyond the complaint: its token, the API key, the media URL (a reference,
-- never fetched) and the answers, linked to the case it became.
CREATE TABLE category_attributes (
  category_code        TEXT NOT NULL REFERENCES categories (code),
  code                 TEXT NOT NULL,
  variable             INTEGER NOT NULL DEFAULT 1,
  datatype             TEXT NOT NULL CHECK (datatype IN
                         ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required             INTEGER NOT NULL DEFAULT 0,
  datatype_description TEXT NOT NULL DEFAULT '',
  sort_order           INTEGER NOT NULL,           -- Open311 "order": 1 is shown first
  description          TEXT NOT NULL,
  PRIMARY KEY (category_code, code)
);

CREATE TABLE category_attribute_values (
  category_code  TEXT NOT NULL,
  attribute_code TEXT NOT NULL,
  sort_order     INTEGER NOT NULL,
  key            TEXT NOT NULL,
  name           TEXT NOT NULL,
  PRIMARY KEY (category_code, attribute_code, sort_order),
  FOREIGN KEY (category_code, attribute_code) REFERENCES category_attributes (category_code, code)
);

-- The case is filed with the intake's Idempotency-Key 'open311:' || token: complaint_id is set
-- right after, and can always be found again from idempotency_keys.
CREATE TABLE open311_submissions (
  token        TEXT PRIMARY KEY,
  api_key_id   INTEGER NOT NULL REFERENCES api_keys (id),
  service_code TEXT NOT NULL,
  media_url    TEXT NOT NULL DEFAULT '',
  request_hash TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  complaint_id INTEGER UNIQUE REFERENCES complaints (id)
);

CREATE TABLE open311_attribute_answers (
  token              TEXT NOT NULL REFERENCES open311_submissions (token),
  code               TEXT NOT NULL,
  attribute_position INTEGER NOT NULL,
  value_position     INTEGER NOT NULL,
  value              TEXT NOT NULL,
  PRIMARY KEY (token, attribute_position, value_position)
);
