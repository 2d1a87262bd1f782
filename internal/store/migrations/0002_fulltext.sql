-- Full-text indexes over sentences and quotes. They are external-content
-- tables kept in step by triggers (foreign-key cascades fire them too), and
-- rebuilt here so a database migrated from version 1 is searchable at once.

CREATE VIRTUAL TABLE sentences_fts USING fts5(
	text, content = 'sentences', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
	INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE quotes_fts USING fts5(
	text, content = 'quotes', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
