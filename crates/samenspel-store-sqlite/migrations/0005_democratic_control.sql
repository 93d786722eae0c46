-- Democratic control per collaboration: the whole record as JSON (bodies, Wgr instruments,
-- responsible minister, moments), with the next evaluation as a column for overviews.
CREATE TABLE democratic_control (
    collaboration_id INTEGER PRIMARY KEY REFERENCES collaborations (id) ON DELETE CASCADE,
    control_json     TEXT NOT NULL,
    next_evaluation  TEXT,
    updated_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
