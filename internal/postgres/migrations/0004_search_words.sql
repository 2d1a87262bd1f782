-- Every word of the stored articles, as typed (lower case, no diacritics,
-- four letters or more), with a trigram index: a search that finds
-- nothing looks here for the words nearest to its unknown ones
-- ("sanctoins" → "sanctions"). Words of deleted articles stay; a word that
-- matches nothing only costs a second look that finds nothing.
CREATE TABLE search_words (word text PRIMARY KEY);
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);

INSERT INTO search_words(word)
SELECT DISTINCT w FROM articles a, regexp_split_to_table(lower(briefbot_unaccent(a.body)), '[^[:alpha:]]+') w
WHERE length(w) BETWEEN 4 AND 40
ON CONFLICT DO NOTHING;
