-- New sentences and quotes reach their full-text indexes in one statement
-- per saved batch of files (store.writer.indexNew) instead of one trigger
-- call per row. FTS5 writes its pending terms out at the start of every
-- later statement of a transaction that has touched it, so a trigger per
-- row left a segment per sentence to merge: a sixth of an ingest. The
-- delete triggers stay: removals are rare and come in cascades.
DROP TRIGGER sentences_fts_insert;
DROP TRIGGER quotes_fts_insert;
