-- What several processes serving one bot share beyond the articles, so
-- that it survives a restart (PostgreSQL's migration 0002).

-- paging_states: the command and options of a paging button whose
-- custom_id cannot hold them, by a hash of them; used_at for pruning.
CREATE TABLE paging_states (
	key     TEXT PRIMARY KEY,
	value   TEXT NOT NULL,
	used_at TEXT NOT NULL -- RFC 3339 UTC
) WITHOUT ROWID;

-- seen_signatures: the verified signatures of signed interactions, kept
-- while their timestamps could pass the window check, so a replay is
-- refused even after a restart.
CREATE TABLE seen_signatures (
	signature BLOB PRIMARY KEY,
	expires   INTEGER NOT NULL -- Unix seconds
) WITHOUT ROWID;
CREATE INDEX seen_signatures_expires ON seen_signatures(expires);
