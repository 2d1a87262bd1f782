-- Digests: an ingest sequence over articles, channel subscriptions, their
-- runs, and the LLM summary cache and token usage.

-- seq numbers articles in the order they were stored. It only grows and is
-- never reused, even after the newest article is deleted (row ids may be),
-- so "seq above N" is exactly what arrived after a digest that covered up
-- to N. Articles stored before this step keep their id order.
ALTER TABLE articles ADD COLUMN seq INTEGER;
UPDATE articles SET seq = id;
CREATE UNIQUE INDEX articles_seq ON articles(seq);

-- counters hold values that must outlive the rows they number.
CREATE TABLE counters (
	name  TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters(name, value) SELECT 'article_seq', COALESCE(max(seq), 0) FROM articles;

-- AUTOINCREMENT: an id shown to users is never given to another subscription.
CREATE TABLE subscriptions (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	guild_id        TEXT NOT NULL,
	channel_id      TEXT NOT NULL CHECK (channel_id <> ''),
	schedule        TEXT NOT NULL CHECK (schedule <> ''),
	time_zone       TEXT NOT NULL,
	topic           TEXT NOT NULL DEFAULT '',
	actor           TEXT NOT NULL DEFAULT '',
	created_by      TEXT NOT NULL DEFAULT '',
	enabled         INTEGER NOT NULL DEFAULT 1,
	disabled_reason TEXT NOT NULL DEFAULT '',
	last_seq        INTEGER NOT NULL DEFAULT 0, -- watermark: highest article seq a completed run covered
	last_run        TEXT,                       -- RFC 3339 UTC scheduled time of the last completed run
	created_at      TEXT NOT NULL
);
CREATE INDEX subscriptions_guild ON subscriptions(guild_id);

-- digest_runs: one row per (subscription, scheduled time); key is the
-- idempotency key, recorded before sending so a restart never posts twice.
CREATE TABLE digest_runs (
	id              INTEGER PRIMARY KEY,
	subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
	scheduled       TEXT NOT NULL, -- RFC 3339 UTC
	key             TEXT NOT NULL UNIQUE,
	from_seq        INTEGER NOT NULL, -- exclusive
	to_seq          INTEGER NOT NULL, -- inclusive
	status          TEXT NOT NULL,
	created_at      TEXT NOT NULL,
	finished_at     TEXT
);
CREATE INDEX digest_runs_subscription ON digest_runs(subscription_id);

-- llm_cache: per-article LLM summaries by content hash, model and prompt version.
CREATE TABLE llm_cache (
	key        TEXT PRIMARY KEY,
	summary    TEXT NOT NULL,
	created_at TEXT NOT NULL
) WITHOUT ROWID;

-- llm_usage: tokens used per UTC day, for the daily budget.
CREATE TABLE llm_usage (
	day               TEXT PRIMARY KEY, -- YYYY-MM-DD
	prompt_tokens     INTEGER NOT NULL DEFAULT 0,
	completion_tokens INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
