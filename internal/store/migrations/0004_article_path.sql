-- path is the file an answer cites for an article: the file it was first
-- loaded from while that file still holds it, else the first linked file
-- by name. It was a subquery per answered row; kept here by triggers on
-- the links it depends on, it costs a row read.
ALTER TABLE articles ADD COLUMN path TEXT NOT NULL DEFAULT '';

UPDATE articles SET path = COALESCE((SELECT f.path FROM file_articles fa JOIN files f ON f.id = fa.file_id
	WHERE fa.article_id = articles.id ORDER BY f.path = articles.first_path DESC, f.path LIMIT 1), first_path);

CREATE TRIGGER file_articles_path_insert AFTER INSERT ON file_articles BEGIN
	UPDATE articles SET path = COALESCE((SELECT f.path FROM file_articles fa JOIN files f ON f.id = fa.file_id
		WHERE fa.article_id = articles.id ORDER BY f.path = articles.first_path DESC, f.path LIMIT 1), first_path)
	WHERE id = NEW.article_id;
END;

-- Also fired by the cascade from a deleted file.
CREATE TRIGGER file_articles_path_delete AFTER DELETE ON file_articles BEGIN
	UPDATE articles SET path = COALESCE((SELECT f.path FROM file_articles fa JOIN files f ON f.id = fa.file_id
		WHERE fa.article_id = articles.id ORDER BY f.path = articles.first_path DESC, f.path LIMIT 1), first_path)
	WHERE id = OLD.article_id;
END;
