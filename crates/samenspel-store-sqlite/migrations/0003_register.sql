-- The register of gemeenschappelijke regelingen: organisations that ended, collaborations with
-- a source key (for idempotent re-import), their legal basis and policy areas, and when each
-- partner joined.
ALTER TABLE organisations ADD COLUMN ended BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE collaborations ADD COLUMN source_key TEXT;
ALTER TABLE collaborations ADD COLUMN source_hash TEXT;
ALTER TABLE collaborations ADD COLUMN legal_basis TEXT;
ALTER TABLE collaborations ADD COLUMN policy_areas TEXT;
CREATE UNIQUE INDEX collaborations_by_source_key ON collaborations (source_key);

ALTER TABLE collaboration_partners ADD COLUMN joined_on TEXT;
ALTER TABLE collaboration_partners ADD COLUMN notes TEXT;
