-- Core tables. Offsets (start_pos, end_pos) are code points into articles.body.

CREATE TABLE files (
	id        INTEGER PRIMARY KEY,
	path      TEXT NOT NULL UNIQUE,
	file_hash TEXT NOT NULL,
	loaded_at TEXT NOT NULL
);

CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	key       TEXT NOT NULL,
	title     TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	author    TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	published TEXT, -- YYYY-MM-DD, NULL when unknown
	body      TEXT NOT NULL,
	body_hash TEXT NOT NULL UNIQUE CHECK (body_hash <> ''),
	format    TEXT NOT NULL DEFAULT '',
	-- first_path is the file the article was first loaded from; it may
	-- outlive that file's link, so answers prefer a linked path.
	first_path TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE file_articles (
	file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (file_id, article_id)
) WITHOUT ROWID;
CREATE INDEX file_articles_article ON file_articles(article_id);

-- actors are people and organisations merged across articles; norm is the
-- normalised canonical name and surname its last word (persons only).
CREATE TABLE actors (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	norm    TEXT NOT NULL,
	surname TEXT NOT NULL DEFAULT '',
	kind    TEXT NOT NULL DEFAULT '',
	UNIQUE (norm, kind) -- "Washington" the person and the place are two actors
);
CREATE INDEX actors_surname ON actors(surname);

-- Aliases and roles are kept per article so that dropping an article drops
-- what it taught us about the actor.
CREATE TABLE actor_aliases (
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	alias      TEXT NOT NULL,
	norm       TEXT NOT NULL,
	PRIMARY KEY (actor_id, article_id, norm)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_norm ON actor_aliases(norm);
CREATE INDEX actor_aliases_article ON actor_aliases(article_id);

CREATE TABLE actor_roles (
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	role       TEXT NOT NULL,
	norm       TEXT NOT NULL,
	PRIMARY KEY (actor_id, article_id, norm)
) WITHOUT ROWID;
CREATE INDEX actor_roles_article ON actor_roles(article_id);

-- mentions: an actor named in an article, under the name the article uses.
CREATE TABLE mentions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	gender     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE sentences (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	start_pos  INTEGER NOT NULL,
	end_pos    INTEGER NOT NULL,
	text       TEXT NOT NULL
);
CREATE INDEX sentences_article ON sentences(article_id, seq);

CREATE TABLE quotes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
	seq        INTEGER NOT NULL, -- index in Extract.Quotes
	speaker    TEXT NOT NULL,
	mention    TEXT NOT NULL DEFAULT '',
	cue        TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	start_pos  INTEGER NOT NULL,
	end_pos    INTEGER NOT NULL,
	sentence   TEXT NOT NULL DEFAULT '',
	CHECK (start_pos <= end_pos)
);
CREATE INDEX quotes_article ON quotes(article_id, seq);
CREATE INDEX quotes_actor ON quotes(actor_id);

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	value      TEXT NOT NULL,
	resolved   INTEGER NOT NULL,
	expression TEXT NOT NULL,
	start_pos  INTEGER NOT NULL,
	end_pos    INTEGER NOT NULL,
	sentence   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_article ON events(article_id, start_pos);
CREATE INDEX events_value ON events(resolved, value);

CREATE TABLE event_actors (
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE positions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	actor_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	topic_key  TEXT NOT NULL,
	topic      TEXT NOT NULL,
	stance     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX positions_actor ON positions(actor_id);
CREATE INDEX positions_topic ON positions(topic_key);

CREATE TABLE position_evidence (
	position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
	quote_id    INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
	PRIMARY KEY (position_id, quote_id)
) WITHOUT ROWID;
CREATE INDEX position_evidence_quote ON position_evidence(quote_id);
