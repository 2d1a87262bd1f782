-- The full-text indexes stem words with the Porter stemmer, so "strike"
-- finds "strikes" and "striking" in search, --phrase and topics alike. An
-- index's tokenizer is fixed when it is created: both are made again and
-- rebuilt from their tables.

DROP TRIGGER sentences_fts_delete;
DROP TABLE sentences_fts;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
	text, content = 'sentences', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');

DROP TRIGGER quotes_fts_delete;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	text, content = 'quotes', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
