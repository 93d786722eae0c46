-- Reactions to a UDO dossier's consultation (issue 14, item 7): who reacts (kind, name,
-- place, whether name and place may be published), the text, the theme the ministry filed it
-- under and its moderation status; the client's address only as a hash, for the limit per
-- address, never shown. And the ministry's response per theme, one per dossier and theme.
CREATE TABLE udo_reactions (
    id                     INTEGER PRIMARY KEY,
    dossier_id             INTEGER NOT NULL REFERENCES udo_dossiers (id),
    kind                   TEXT NOT NULL,
    author_name            TEXT NOT NULL,
    place                  TEXT NOT NULL,
    objects_to_publication BOOLEAN NOT NULL,
    text                   TEXT NOT NULL,
    theme                  TEXT,
    status                 TEXT NOT NULL,
    address_hash           TEXT NOT NULL,
    created_at             TEXT NOT NULL
);
CREATE INDEX udo_reactions_by_dossier ON udo_reactions (dossier_id, id);
CREATE INDEX udo_reactions_by_address ON udo_reactions (dossier_id, address_hash, created_at);
CREATE TABLE udo_theme_responses (
    dossier_id  INTEGER NOT NULL REFERENCES udo_dossiers (id),
    theme       TEXT NOT NULL,
    nature      TEXT NOT NULL,
    action      TEXT NOT NULL,
    explanation TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (dossier_id, theme)
);
