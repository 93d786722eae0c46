-- The register of medebewind tasks (issue 15): each task as last accepted (its input, as
-- JSON), and in columns what lists read; the history is the audit trail (subject
-- medebewind_task).
CREATE TABLE medebewind_tasks (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  TEXT NOT NULL,
    ministry_code         TEXT NOT NULL REFERENCES organisations (code),
    layer                 TEXT NOT NULL,
    content_json          TEXT NOT NULL,
    next_recalibration_on DATE,
    starter_key           TEXT UNIQUE,
    version               BIGINT NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX medebewind_tasks_by_name ON medebewind_tasks (name, id);
