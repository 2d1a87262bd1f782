-- Whether an article reads as English, the one language the extractor
-- reads ("en"), as another ("other"), or is too short to tell (""), so
-- `sources` can say why an article gave nothing.
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
