-- SQLite's 0010: whether an article reads as English ("en"), as another
-- language ("other"), or is too short to tell ("").
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
