-- UDO dossiers (issue 14): the dossier as last accepted (its input, as JSON), its progress
-- through the workflow (JSON), and in columns the facts that lists and the dashboard read.
CREATE TABLE udo_dossiers (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ministry_code          TEXT NOT NULL REFERENCES organisations (code),
    title                  TEXT NOT NULL,
    state                  TEXT NOT NULL,
    content_json           TEXT NOT NULL,
    progress_json          TEXT NOT NULL,
    cosign                 BOOLEAN NOT NULL,
    consultation_term_kept BOOLEAN,
    opened_on              DATE NOT NULL,
    outcome_on             DATE,
    consultation_opened_on DATE,
    demo_key               TEXT UNIQUE,
    version                BIGINT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX udo_dossiers_by_ministry ON udo_dossiers (ministry_code, id);
