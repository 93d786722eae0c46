-- Attachments: files kept in the database itself, so every server of a deployment serves the
-- same files and a backup of the database holds them too. The owner is a record of any kind
-- (owner_type names it); the domain has checked the type, the size and the hash before a row
-- is written, and the checks below keep a row from ever disagreeing with its content.
CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type TEXT NOT NULL,
    owner_id   INTEGER NOT NULL,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    content    BLOB NOT NULL CHECK (length(content) = size),
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL
);

CREATE INDEX attachments_by_owner ON attachments (owner_type, owner_id, id);
