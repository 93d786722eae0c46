-- Limits per address shared by every process on one database (issue 16, item 2): the answers
-- by a wave's link per address were counted in each process's memory, so two processes behind
-- a load balancer allowed twice the limit. One row per (scope, key) and fixed window: the
-- window's start (seconds since 1970) and the hits in it. The key is a hash, never an address.
CREATE TABLE rate_limits (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX rate_limits_by_age ON rate_limits (scope, window_start);
