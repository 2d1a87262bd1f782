-- The newest quotes of a speaker and the newest positions on a topic are
-- read in index order, so a speaker with thousands of quotes or a topic
-- with thousands of positions costs what an answer shows. An article's date
-- never changes once stored, so its quotes and positions keep a copy of it.
ALTER TABLE quotes ADD COLUMN published TEXT;
UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);
-- seq descending: read backwards, an article's quotes come in text order.
CREATE INDEX quotes_actor_newest ON quotes(actor_id, published, article_id, seq DESC);
DROP INDEX quotes_actor;

ALTER TABLE positions ADD COLUMN published TEXT;
UPDATE positions SET published = (SELECT a.published FROM articles a WHERE a.id = positions.article_id);
CREATE INDEX positions_topic_newest ON positions(topic_key, published, article_id);
DROP INDEX positions_topic;

-- The store version that cached answers are checked against on every
-- query: the article sequence counter moves with every saved article, this
-- one with every deleted article, so reading two rows replaces counting
-- the articles.
INSERT INTO counters(name, value) VALUES ('articles_removed', 0);
CREATE TRIGGER articles_removed AFTER DELETE ON articles BEGIN
	UPDATE counters SET value = value + 1 WHERE name = 'articles_removed';
END;
