-- The history of organisations (issue 13): the period an organisation existed, the ones it came
-- from and the one that took over from it, by code. Only the reference data fills them (the
-- ministries, current and ended); the codes are checked when the reference data is read, not
-- by foreign keys, as one upsert may name a successor stored later in the same transaction.
ALTER TABLE organisations ADD COLUMN valid_from TEXT;
ALTER TABLE organisations ADD COLUMN valid_until TEXT;
-- One code per line, in the order the reference data gives them.
ALTER TABLE organisations ADD COLUMN predecessor_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN successor_code TEXT;
CREATE INDEX organisations_by_successor ON organisations (successor_code);
