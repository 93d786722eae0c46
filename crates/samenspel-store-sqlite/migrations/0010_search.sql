-- Site-wide search (issue 12): every organisation, collaboration and survey wave as one row of
-- search_items, with its text folded by samenspel_domain::search (lower case, no accents, words
-- of letters and digits), and an FTS5 index over the folded text kept in step by triggers.
-- search_state.version tells the store whether the rows were written by the current rules;
-- the store rebuilds them all when it is behind (see shared/search.rs).

ALTER TABLE organisations ADD COLUMN other_names TEXT NOT NULL DEFAULT '';

CREATE TABLE search_items (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    item_key         TEXT NOT NULL,
    collaboration_id INTEGER,
    title            TEXT NOT NULL,
    names            TEXT NOT NULL,
    body             TEXT NOT NULL,
    title_key        TEXT NOT NULL,
    names_key        TEXT NOT NULL,
    body_key         TEXT NOT NULL,
    UNIQUE (kind, item_key)
);

CREATE VIRTUAL TABLE search_fts USING fts5(
    title_key, names_key, body_key,
    content = 'search_items', content_rowid = 'id',
    tokenize = 'unicode61', prefix = '1 2 3'
);

CREATE TRIGGER search_items_added AFTER INSERT ON search_items BEGIN
    INSERT INTO search_fts (rowid, title_key, names_key, body_key)
    VALUES (new.id, new.title_key, new.names_key, new.body_key);
END;

CREATE TRIGGER search_items_removed AFTER DELETE ON search_items BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_key, names_key, body_key)
    VALUES ('delete', old.id, old.title_key, old.names_key, old.body_key);
END;

CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO search_state (id, version) VALUES (1, 0);
