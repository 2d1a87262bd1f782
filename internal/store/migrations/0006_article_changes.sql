-- An article row can change without an article coming or going: its path
-- follows the links of its files (migration 0004), so a file removed or
-- renamed beside another copy changes the path answers cite. Cached views
-- hold article references, so the store version counts such changes too.
INSERT INTO counters(name, value) VALUES ('articles_changed', 0);
CREATE TRIGGER articles_changed AFTER UPDATE ON articles BEGIN
	UPDATE counters SET value = value + 1 WHERE name = 'articles_changed';
END;
