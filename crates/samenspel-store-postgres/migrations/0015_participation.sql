-- How residents take part, per collaboration: the whole record as JSON (processes on
-- participation platforms, ordinance, uitdaagrecht, the regeling's agreements). A row exists
-- only while something is recorded, so its presence is "participation recorded".
CREATE TABLE participation (
    collaboration_id   BIGINT PRIMARY KEY REFERENCES collaborations (id) ON DELETE CASCADE,
    participation_json TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
