-- Costs per municipality per Iv3 task field (issue 15, item 3). One import per file: its
-- SHA-256 and shape (a key of samenspel_domain::iv3::costs::CostShape), who imported it and
-- when; the same file again (same hash and shape) changes nothing. A figure holds the lasten
-- and baten of one organisation, task field, year and kind of report (a key of ReportKind),
-- in cents, with the import that set it; a figure replaced by a later import moves to
-- iv3_cost_history with the import that replaced it. `demo` marks generated demonstration
-- figures (serve --demo), so every page that shows them can say so.
CREATE TABLE iv3_cost_imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    shape       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    demo        BOOLEAN NOT NULL,
    figures     INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (sha256, shape)
);
CREATE TABLE iv3_costs (
    organisation TEXT NOT NULL REFERENCES organisations (code),
    task_field   TEXT NOT NULL,
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    report       TEXT NOT NULL,
    lasten_cents INTEGER NOT NULL CHECK (lasten_cents >= 0),
    baten_cents  INTEGER NOT NULL CHECK (baten_cents >= 0),
    import_id    INTEGER NOT NULL REFERENCES iv3_cost_imports (id),
    PRIMARY KEY (organisation, task_field, year, report)
);
CREATE TABLE iv3_cost_history (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation TEXT NOT NULL,
    task_field   TEXT NOT NULL,
    year         INTEGER NOT NULL,
    report       TEXT NOT NULL,
    lasten_cents INTEGER NOT NULL,
    baten_cents  INTEGER NOT NULL,
    import_id    INTEGER NOT NULL REFERENCES iv3_cost_imports (id),
    replaced_by  INTEGER NOT NULL REFERENCES iv3_cost_imports (id)
);
CREATE INDEX iv3_cost_history_by_key ON iv3_cost_history (organisation, task_field, year, report);
