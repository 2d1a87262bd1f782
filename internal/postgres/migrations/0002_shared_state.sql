-- What several instances serving one bot share beyond the articles
-- (SQLite's migration 0009).

-- paging_states: the command and options of a paging button whose
-- custom_id cannot hold them, by a hash of them; used_at for pruning.
CREATE TABLE paging_states (
	key     text PRIMARY KEY,
	value   text NOT NULL,
	used_at timestamptz NOT NULL
);

-- seen_signatures: the verified signatures of signed interactions, kept
-- while their timestamps could pass the window check, so a replay is
-- refused by any instance, even after a restart.
CREATE TABLE seen_signatures (
	signature bytea PRIMARY KEY,
	expires   timestamptz NOT NULL
);
CREATE INDEX seen_signatures_expires ON seen_signatures(expires);
