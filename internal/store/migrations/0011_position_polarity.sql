-- Where each actor stands on a topic ("for", "against", "mixed",
-- "neutral"; "" for positions stored before it was read) and the stance
-- said plainly. Positions of older extracts gain them when their files
-- are extracted again (extract.Version).
ALTER TABLE positions ADD COLUMN polarity TEXT NOT NULL DEFAULT '';
ALTER TABLE positions ADD COLUMN claim TEXT NOT NULL DEFAULT '';
