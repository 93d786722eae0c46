-- One collaboration per gemeenschappelijke regeling (issue 13): the register's versions of a
-- regeling become its history, and the address of a version that was once a collaboration of
-- its own leads to the regeling it became part of.

CREATE TABLE collaboration_versions (
    collaboration_id BIGINT NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    position         BIGINT NOT NULL,
    source_id        TEXT NOT NULL,
    name             TEXT NOT NULL,
    wgr_form         TEXT,
    start_date       DATE,
    end_date         DATE,
    participants     TEXT NOT NULL,
    documents        TEXT NOT NULL,
    PRIMARY KEY (collaboration_id, position)
);

-- Who took part in an earlier version but not in the current one, with when they joined and
-- left (derived from the versions by samenspel_domain::regeling::former_participants), so an
-- organisation's overview can list the regelingen it left.
CREATE TABLE collaboration_former_partners (
    collaboration_id BIGINT NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    org_code         TEXT NOT NULL REFERENCES organisations (code),
    joined_on        DATE,
    left_on          DATE,
    PRIMARY KEY (collaboration_id, org_code)
);

CREATE INDEX collaboration_former_partners_by_org ON collaboration_former_partners (org_code);

CREATE TABLE collaboration_redirects (
    old_id           BIGINT PRIMARY KEY,
    collaboration_id BIGINT NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    old_source_key   TEXT NOT NULL
);

CREATE INDEX collaboration_redirects_by_target ON collaboration_redirects (collaboration_id);
