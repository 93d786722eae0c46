-- A number that every committed write raises (issue 16, item 4): the page cache of each
-- server process keeps an anonymous page with the number it was made at and makes it again
-- once the number has moved, so a cached page never outlives a change, whichever process made
-- the change.
CREATE TABLE data_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
