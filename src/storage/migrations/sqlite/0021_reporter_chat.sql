-- Issue #8: a report made in a Telegram chat keeps the chat id so that its status changes go
-- back to that chat (notify channel `telegram`). A chat id is not a phone number: it has its own
-- column, sealed like the other contacts, never shown to agencies and never read by the lists.
ALTER TABLE complaints ADD COLUMN reporter_chat_id TEXT NOT NULL DEFAULT '';
