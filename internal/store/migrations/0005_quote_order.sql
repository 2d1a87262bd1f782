-- A speaker's newest quotes are picked from these two indexes alone: the
-- quotes of an actor with their articles, and the articles' dates. Reading
-- whole quote and article rows only for the quotes shown keeps a speaker
-- with thousands of quotes as quick to answer as one with a few.
CREATE INDEX quotes_actor_article ON quotes(actor_id, article_id, seq);
DROP INDEX quotes_actor;
CREATE INDEX articles_order ON articles(id, published);

-- The same for positions on a topic, which match on part of the key.
CREATE INDEX positions_topic_article ON positions(topic_key, article_id, actor_id);
DROP INDEX positions_topic;
