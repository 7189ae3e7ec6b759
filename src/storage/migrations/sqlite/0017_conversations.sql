-- Conversations on the messaging channels (issue #8, app/conversations): one row per citizen
-- per channel, written after every step so that a restart in the middle continues at the same
-- step. The address (phone number, chat id) and the collected fields (JSON: category,
-- description, location, staged photos) are personal data, sealed; the address is found through
-- its blind index (an HMAC of channel:address).
CREATE TABLE conversations (
  channel       TEXT NOT NULL CHECK (channel IN ('whatsapp', 'telegram', 'sms')),
  address_index TEXT NOT NULL,
  address       TEXT NOT NULL,
  step          TEXT NOT NULL,
  language      TEXT NOT NULL CHECK (language IN ('id', 'en')),
  fields        TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  version       INTEGER NOT NULL,
  PRIMARY KEY (channel, address_index)
);
