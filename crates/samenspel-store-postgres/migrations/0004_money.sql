-- Money per partner per year (integer cents), with the instrument and how firm the figure is.
-- One row per (collaboration, partner, year, instrument, status): recording it again replaces
-- the amount.
CREATE TABLE contributions (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collaboration_id BIGINT NOT NULL,
    org_code         TEXT NOT NULL,
    year             INTEGER NOT NULL,
    amount_cents     BIGINT NOT NULL CHECK (amount_cents >= 0),
    instrument       TEXT NOT NULL,
    status           TEXT NOT NULL,
    recorded_by      TEXT NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (collaboration_id, org_code, year, instrument, status),
    FOREIGN KEY (collaboration_id, org_code) REFERENCES collaboration_partners (collaboration_id, org_code) ON DELETE CASCADE
);
