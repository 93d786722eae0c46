-- The "Staat van het samenspel" (issue 15, item 6): each compiled report kept as it was (its
-- figures as JSON, in the shape named by `schema`), so reports of different periods can be
-- compared. Who compiled it is in the audit trail (subject staat_report), not here.
CREATE TABLE staat_reports (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period_from  DATE NOT NULL,
    period_to    DATE NOT NULL,
    schema       INTEGER NOT NULL,
    demo         BOOLEAN NOT NULL,
    content_json TEXT NOT NULL,
    compiled_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX staat_reports_by_period ON staat_reports (period_to, period_from, id);
