-- SQLite's 0011: where each actor stands on a topic ("for", "against",
-- "mixed", "neutral"; "" before it was read) and the stance said plainly.
ALTER TABLE positions ADD COLUMN IF NOT EXISTS polarity text NOT NULL DEFAULT '';
ALTER TABLE positions ADD COLUMN IF NOT EXISTS claim text NOT NULL DEFAULT '';
