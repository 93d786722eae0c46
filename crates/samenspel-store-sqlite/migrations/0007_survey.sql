-- The knelpuntenmonitor: waves of the survey, the anonymous responses (answers kept one
-- character per statement), and the counts per (wave, group, statement, answer) and
-- respondents per (wave, group) that every report is made from, kept up to date in the same
-- transaction as each response or import.
CREATE TABLE survey_waves (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    wave_key           TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    opens_on           TEXT,
    closes_on          TEXT,
    collaboration_id   INTEGER REFERENCES collaborations (id),
    k                  INTEGER NOT NULL,
    closed_at          TEXT,
    created_by         TEXT NOT NULL,
    created_at         TEXT NOT NULL
);

CREATE TABLE survey_responses (
    wave_id      INTEGER NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    respondent   TEXT NOT NULL,
    layer        TEXT NOT NULL,
    domain       TEXT,
    answers      TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (wave_id, respondent)
) WITHOUT ROWID;

CREATE TABLE survey_counts (
    wave_id   INTEGER NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    grp       TEXT NOT NULL,
    statement TEXT NOT NULL,
    answer    INTEGER NOT NULL,
    n         BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (wave_id, grp, statement, answer)
) WITHOUT ROWID;

CREATE TABLE survey_group_sizes (
    wave_id     INTEGER NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    grp         TEXT NOT NULL,
    respondents BIGINT NOT NULL CHECK (respondents >= 0),
    PRIMARY KEY (wave_id, grp)
) WITHOUT ROWID;

-- Personal invitations: only the hash of the token is kept.
CREATE TABLE survey_invitations (
    token_hash TEXT PRIMARY KEY,
    wave_id    INTEGER NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
