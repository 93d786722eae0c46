-- Moore's triangle: each partner's own view of the public value, its legitimacy and support,
-- and its operational capacity, as one JSON record per partner per collaboration.
CREATE TABLE moore_statements (
    collaboration_id INTEGER NOT NULL,
    org_code         TEXT NOT NULL,
    statement_json   TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (collaboration_id, org_code),
    FOREIGN KEY (collaboration_id, org_code) REFERENCES collaboration_partners (collaboration_id, org_code) ON DELETE CASCADE
);
