-- The columns a phrase's matching quotes are filtered and ordered on, by
-- quote id: the full-text index gives ids, and their newest 100 are found
-- in this small index (INDEXED BY in store.quotes) instead of in the wide
-- rows of every match, pages of text read only to be skipped. PostgreSQL
-- has no counterpart: its planner reads the rows by id in one pass.
CREATE INDEX quotes_order ON quotes(id, actor_id, published, article_id, seq);
