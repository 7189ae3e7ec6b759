-- Issue #7: the outbox dispatcher, webhooks for integrators and notifications to reporters
-- (docs/integration.md).

-- The reporter's language and how they want to hear back ('' = the channel they reported
-- from; 'none' = never; 'email', 'sms', 'whatsapp', 'telegram' = that channel).
ALTER TABLE complaints ADD COLUMN language TEXT NOT NULL DEFAULT 'id';
ALTER TABLE complaints ADD COLUMN notify_channel TEXT NOT NULL DEFAULT '';

-- The dispatcher fans each committed outbox row out and marks it (delivered_at) in the same
-- transaction, numbering it with dispatch_seq: a gap-free order of fan-out that other consumers
-- (the WebSocket stream of #6) may follow with a plain cursor. outbox_dispatch holds the last
-- number; every fan-out transaction updates it first, so two dispatchers never interleave.
ALTER TABLE outbox ADD COLUMN dispatch_seq INTEGER;
CREATE UNIQUE INDEX outbox_dispatch_order ON outbox (dispatch_seq) WHERE dispatch_seq IS NOT NULL;
CREATE TABLE outbox_dispatch (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL
);
INSERT INTO outbox_dispatch (id, last_seq) VALUES (1, 0);
-- What was committed before this version is old news: nobody subscribed then, and reporters
-- are not told today of last month's changes.
UPDATE outbox SET delivered_at = created_at WHERE delivered_at IS NULL;

-- Webhook subscriptions of integrators and admins. The secret is sealed (docs/personal-data.md).
CREATE TABLE webhook_subscriptions (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  url         TEXT NOT NULL,
  event_types TEXT NOT NULL,             -- space separated: "complaint.verify complaint.*" or "*"
  unit_code   TEXT NOT NULL DEFAULT '',  -- only cases held by this unit or below; '' = all
  secret      TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1,
  owner       TEXT NOT NULL,             -- "user:3", "apikey:5"
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- One row per (subscription, outbox row): the CloudEvent as it is sent on every attempt.
-- status: pending, delivered, dead. next_attempt_at has millisecond precision.
CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  outbox_id       INTEGER NOT NULL REFERENCES outbox (id),
  complaint_id    INTEGER NOT NULL,
  event_type      TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending',
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  retry_from      TEXT NOT NULL,           -- the retry window runs from here (fan-out or redelivery)
  created_at      TEXT NOT NULL,
  finished_at     TEXT NOT NULL DEFAULT '',
  last_status     INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT NOT NULL DEFAULT '',
  UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_case ON webhook_deliveries (subscription_id, complaint_id, outbox_id)
  WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_status ON webhook_deliveries (status, id);

CREATE TABLE webhook_attempts (
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt     INTEGER NOT NULL,
  at          TEXT NOT NULL,
  status_code INTEGER NOT NULL,  -- 0: no HTTP answer
  error       TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);

-- One row per message to a reporter. Nothing personal: the contact is read from the case,
-- opened only when the message is sent. status: pending, delivered (sent), dead.
CREATE TABLE notifications (
  id              INTEGER PRIMARY KEY,
  outbox_id       INTEGER NOT NULL REFERENCES outbox (id),
  complaint_id    INTEGER NOT NULL REFERENCES complaints (id),
  notice          TEXT NOT NULL,
  channel         TEXT NOT NULL,
  language        TEXT NOT NULL,
  unit_code       TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending',
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  retry_from      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  finished_at     TEXT NOT NULL DEFAULT '',
  last_error      TEXT NOT NULL DEFAULT '',
  UNIQUE (outbox_id, complaint_id)
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_case ON notifications (complaint_id, outbox_id) WHERE status = 'pending';
CREATE INDEX notifications_by_status ON notifications (status, id);

-- What a reporter is told, per notice and language; admins edit them. Placeholders: {code}
-- {status} {unit} {deadline} {tracking_url}.
CREATE TABLE notification_templates (
  notice     TEXT NOT NULL,
  language   TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (notice, language)
);

INSERT INTO notification_templates (notice, language, subject, body) VALUES
('received', 'id', 'Aduan {code} telah diterima',
'Terima kasih, aduan Anda telah kami terima dengan kode {code} dan ditangani oleh {unit}.
Status: {status}. Batas penyelesaian: {deadline}.
Ikuti perkembangannya di {tracking_url}

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('received', 'en', 'Your complaint {code} has been received',
'Thank you, we have received your complaint with code {code}; {unit} is handling it.
Status: {status}. To be resolved by: {deadline}.
Follow it at {tracking_url}

Sent automatically by Sigap; please do not reply to this message.'),
('verified', 'id', 'Aduan {code} telah diverifikasi',
'Aduan Anda {code} telah diverifikasi dan ditangani oleh {unit}.
Status: {status}. Batas penyelesaian: {deadline}.
Ikuti perkembangannya di {tracking_url}

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('verified', 'en', 'Your complaint {code} has been verified',
'Your complaint {code} has been verified; {unit} is handling it.
Status: {status}. To be resolved by: {deadline}.
Follow it at {tracking_url}

Sent automatically by Sigap; please do not reply to this message.'),
('forwarded', 'id', 'Aduan {code} dialihkan ke {unit}',
'Aduan Anda {code} dialihkan (disposisi) kepada {unit}, yang berwenang menanganinya.
Batas penyelesaian: {deadline}.
Ikuti perkembangannya di {tracking_url}

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('forwarded', 'en', 'Your complaint {code} has been forwarded to {unit}',
'Your complaint {code} has been forwarded to {unit}, the unit with authority over it.
To be resolved by: {deadline}.
Follow it at {tracking_url}

Sent automatically by Sigap; please do not reply to this message.'),
('need_info', 'id', 'Aduan {code} menunggu keterangan Anda',
'{unit} memerlukan keterangan tambahan untuk aduan {code}. Baca pertanyaannya dan jawab di {tracking_url}
Selama menunggu jawaban Anda, batas waktu penanganan dihentikan sementara.

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('need_info', 'en', 'Your complaint {code} needs more information from you',
'{unit} needs more information about complaint {code}. Read the question and answer it at {tracking_url}
While it waits for your answer, the deadline is paused.

Sent automatically by Sigap; please do not reply to this message.'),
('resolved', 'id', 'Aduan {code} telah ditindaklanjuti',
'{unit} menyatakan aduan Anda {code} telah selesai ditindaklanjuti.
Periksa hasilnya, lalu beri penilaian atau sampaikan keberatan di {tracking_url}

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('resolved', 'en', 'Your complaint {code} has been resolved',
'{unit} reports that your complaint {code} has been resolved.
Check the result, then rate it or dispute it at {tracking_url}

Sent automatically by Sigap; please do not reply to this message.'),
('closed', 'id', 'Aduan {code} ditutup',
'Aduan Anda {code} telah ditutup. Terima kasih telah melapor.
Riwayatnya tetap dapat dilihat di {tracking_url}

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('closed', 'en', 'Your complaint {code} is closed',
'Your complaint {code} is closed. Thank you for reporting.
Its history stays at {tracking_url}

Sent automatically by Sigap; please do not reply to this message.'),
('rejected', 'id', 'Aduan {code} diarsipkan',
'Aduan Anda {code} diarsipkan tanpa tindak lanjut. Alasannya dapat dibaca di {tracking_url}

Pesan ini dikirim otomatis oleh Sigap; mohon tidak membalas pesan ini.'),
('rejected', 'en', 'Your complaint {code} has been archived',
'Your complaint {code} was archived without follow-up. The reason is at {tracking_url}

Sent automatically by Sigap; please do not reply to this message.');
