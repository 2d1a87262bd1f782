-- A speaker's newest quotes are picked from these two indexes alone: the
-- quotes of an actor with their articles, and the articles' dates. Reading
-- whole quote and article rows only for the quotes shown keeps a speaker
-- with thousands of quotes as quick to answer as one with a few.
CREATE INDEX quotes_actor_article ON quotes(actor_id, article_id, seq);
DROP INDEX quotes_actor;
CREATE INDEX articles_order ON articles(id, published);

-- The newest positions on a topic are read in index order: an article's
-- date never changes once stored, so its positions keep a copy of it.
ALTER TABLE positions ADD COLUMN published TEXT;
UPDATE positions SET published = (SELECT a.published FROM articles a WHERE a.id = positions.article_id);
CREATE INDEX positions_topic_newest ON positions(topic_key, published, article_id);
DROP INDEX positions_topic;
