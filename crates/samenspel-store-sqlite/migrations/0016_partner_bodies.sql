-- Which bodies of a participant take part in a gemeenschappelijke regeling (issue 13): the
-- register's `bestuursorganen` (gemeenteraad, college, burgemeester, …) as a JSON array of
-- the keys of samenspel_domain::wgr::Bestuursorgaan, `[]` when none are recorded. It decides
-- what the municipality's council can do itself (Wgr art. 1). The versions' participants keep
-- theirs in collaboration_versions.participants (JSON already).
ALTER TABLE collaboration_partners ADD COLUMN organs TEXT NOT NULL DEFAULT '[]';
