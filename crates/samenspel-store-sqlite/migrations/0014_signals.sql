-- The signals of each collaboration (issue 13, point 5): what needs attention, worked out by
-- samenspel_domain::signals when the collaboration or what they come from changes, and kept
-- here so lists and the signals page read them instead of analysing every collaboration.
-- due_on: for the overdue evaluation, the day it was due; it counts only after that day.
-- signals_state.version tells the store whether the rows were written by the current rules;
-- the store works them all out again when it is behind (see shared/signals.rs).

CREATE TABLE collaboration_signals (
    collaboration_id INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    signal           TEXT NOT NULL,
    count            INTEGER NOT NULL CHECK (count > 0),
    due_on           DATE,
    PRIMARY KEY (collaboration_id, signal)
);

CREATE INDEX collaboration_signals_by_signal ON collaboration_signals (signal, collaboration_id);

CREATE TABLE signals_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO signals_state (id, version) VALUES (1, 0);

-- Keyset paging of the collaboration list: the next page starts after the last name and id.
CREATE INDEX collaborations_by_name_and_id ON collaborations (name_search, id);
