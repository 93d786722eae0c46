-- Organisations, collaborations with partners and phases, stated stances (history kept), and
-- the audit trail.
CREATE TABLE organisations (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    name_search   TEXT NOT NULL,
    org_type      TEXT NOT NULL,
    abbreviation  TEXT,
    province_code TEXT,
    is_reference  BOOLEAN NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX organisations_by_type_and_name ON organisations (org_type, name_search);
CREATE INDEX organisations_by_name ON organisations (name_search);

CREATE TABLE collaborations (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_search  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    wgr_form     TEXT,
    task         TEXT,
    public_value TEXT,
    region       TEXT,
    start_date   TEXT,
    end_date     TEXT,
    demo_key     TEXT UNIQUE,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX collaborations_by_kind_and_name ON collaborations (kind, name_search);
CREATE INDEX collaborations_by_name ON collaborations (name_search);

CREATE TABLE collaboration_phases (
    collaboration_id INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    PRIMARY KEY (collaboration_id, position),
    UNIQUE (collaboration_id, name)
);

CREATE TABLE collaboration_partners (
    collaboration_id INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    org_code         TEXT NOT NULL REFERENCES organisations (code),
    role             TEXT NOT NULL,
    added_at         TEXT NOT NULL,
    PRIMARY KEY (collaboration_id, org_code)
);
CREATE INDEX collaboration_partners_by_org ON collaboration_partners (org_code);

CREATE TABLE stances (
    id               INTEGER PRIMARY KEY,
    collaboration_id INTEGER NOT NULL,
    org_code         TEXT NOT NULL,
    phase            TEXT,
    stated_by        TEXT NOT NULL,
    stated_at        TEXT NOT NULL,
    score_1 INTEGER NOT NULL CHECK (score_1 BETWEEN 1 AND 5),
    score_2 INTEGER NOT NULL CHECK (score_2 BETWEEN 1 AND 5),
    score_3 INTEGER NOT NULL CHECK (score_3 BETWEEN 1 AND 5),
    score_4 INTEGER NOT NULL CHECK (score_4 BETWEEN 1 AND 5),
    score_5 INTEGER NOT NULL CHECK (score_5 BETWEEN 1 AND 5),
    score_6 INTEGER NOT NULL CHECK (score_6 BETWEEN 1 AND 5),
    motivation_1 TEXT,
    motivation_2 TEXT,
    motivation_3 TEXT,
    motivation_4 TEXT,
    motivation_5 TEXT,
    motivation_6 TEXT,
    FOREIGN KEY (collaboration_id, org_code) REFERENCES collaboration_partners (collaboration_id, org_code)
);
CREATE INDEX stances_by_collaboration ON stances (collaboration_id, stated_at, id);

CREATE TABLE audit_events (
    id           INTEGER PRIMARY KEY,
    occurred_at  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    actor_org    TEXT,
    action       TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    before_json  TEXT,
    after_json   TEXT
);
CREATE INDEX audit_events_by_subject ON audit_events (subject_type, subject_id, id);
