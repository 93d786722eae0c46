-- Site-wide search (issue 12): every organisation, collaboration and survey wave as one row of
-- search_items, with its text folded by samenspel_domain::search (lower case, no accents, words
-- of letters and digits), and a text-search vector in the Dutch configuration over the folded
-- text (title and other names weighted A, the rest C), indexed with GIN.
-- search_state.version tells the store whether the rows were written by the current rules;
-- the store rebuilds them all when it is behind (see shared/search.rs).

ALTER TABLE organisations ADD COLUMN other_names TEXT NOT NULL DEFAULT '';

CREATE TABLE search_items (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT NOT NULL,
    item_key         TEXT NOT NULL,
    collaboration_id BIGINT,
    title            TEXT NOT NULL,
    names            TEXT NOT NULL,
    body             TEXT NOT NULL,
    title_key        TEXT NOT NULL,
    names_key        TEXT NOT NULL,
    body_key         TEXT NOT NULL,
    document         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', title_key), 'A')
        || setweight(to_tsvector('dutch', names_key), 'A')
        || setweight(to_tsvector('dutch', body_key), 'C')
    ) STORED,
    UNIQUE (kind, item_key)
);

CREATE INDEX search_items_document ON search_items USING GIN (document);

CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO search_state (id, version) VALUES (1, 0);
