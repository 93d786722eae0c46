-- The knelpuntenmonitor: waves of the survey, the anonymous responses (answers kept one
-- character per statement), and the counts per (wave, group, statement, answer) and
-- respondents per (wave, group) that every report is made from, kept up to date in the same
-- transaction as each response or import.
CREATE TABLE survey_waves (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wave_key           TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    opens_on           DATE,
    closes_on          DATE,
    collaboration_id   BIGINT REFERENCES collaborations (id),
    k                  INTEGER NOT NULL,
    closed_at          TIMESTAMPTZ,
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE survey_responses (
    wave_id      BIGINT NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    respondent   TEXT NOT NULL,
    layer        TEXT NOT NULL,
    domain       TEXT,
    answers      TEXT NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (wave_id, respondent)
);

CREATE TABLE survey_counts (
    wave_id   BIGINT NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    grp       TEXT NOT NULL,
    statement TEXT NOT NULL,
    answer    INTEGER NOT NULL,
    n         BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (wave_id, grp, statement, answer)
);

CREATE TABLE survey_group_sizes (
    wave_id     BIGINT NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    grp         TEXT NOT NULL,
    respondents BIGINT NOT NULL CHECK (respondents >= 0),
    PRIMARY KEY (wave_id, grp)
);

-- Personal invitations: only the hash of the token is kept.
CREATE TABLE survey_invitations (
    token_hash TEXT PRIMARY KEY,
    wave_id    BIGINT NOT NULL REFERENCES survey_waves (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
