//! The statements, in the SQL that both SQLite and PostgreSQL accept.

pub const INSERT_AUDIT: &str = "INSERT INTO audit_events (occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

pub const LIST_AUDIT: &str = "SELECT id, occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json FROM audit_events WHERE subject_type = $1 AND subject_id = $2 ORDER BY id";

macro_rules! org_columns {
    () => {
        "SELECT code, name, org_type, abbreviation, province_code, is_reference FROM organisations "
    };
}

macro_rules! org_where {
    () => {
        "WHERE ($1 IS NULL OR org_type = $1) AND ($2 IS NULL OR name_search LIKE $2 ESCAPE '\\' OR code LIKE $3 ESCAPE '\\')"
    };
}

pub const COUNT_ORGANISATIONS: &str = concat!("SELECT COUNT(*) FROM organisations ", org_where!());

pub const LIST_ORGANISATIONS: &str = concat!(
    org_columns!(),
    org_where!(),
    " ORDER BY name_search, code LIMIT $4 OFFSET $5"
);

pub const GET_ORGANISATION: &str = concat!(org_columns!(), "WHERE code = $1");

/// Only rewrites a row when something differs, so loading the same reference data twice
/// changes nothing.
pub const UPSERT_REFERENCE_ORGANISATION: &str = "INSERT INTO organisations (code, name, name_search, org_type, abbreviation, province_code, is_reference, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7) \
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_search = excluded.name_search, org_type = excluded.org_type, \
     abbreviation = excluded.abbreviation, province_code = excluded.province_code \
     WHERE organisations.name <> excluded.name OR organisations.org_type <> excluded.org_type \
     OR COALESCE(organisations.abbreviation, '') <> COALESCE(excluded.abbreviation, '') \
     OR COALESCE(organisations.province_code, '') <> COALESCE(excluded.province_code, '')";

pub const LAST_ADDED_ORGANISATION_CODE: &str = "SELECT code FROM organisations WHERE is_reference = FALSE AND code LIKE 'OR%' ORDER BY code DESC LIMIT 1";

pub const INSERT_ADDED_ORGANISATION: &str = "INSERT INTO organisations (code, name, name_search, org_type, abbreviation, province_code, is_reference, created_at) VALUES ($1, $2, $3, $4, $5, NULL, FALSE, $6)";

macro_rules! collaboration_where {
    () => {
        "WHERE ($1 IS NULL OR c.kind = $1) AND ($2 IS NULL OR c.name_search LIKE $2 ESCAPE '\\') \
     AND ($3 IS NULL OR EXISTS (SELECT 1 FROM collaboration_partners p WHERE p.collaboration_id = c.id AND p.org_code = $3))"
    };
}

pub const COUNT_COLLABORATIONS: &str = concat!(
    "SELECT COUNT(*) FROM collaborations c ",
    collaboration_where!()
);

pub const LIST_COLLABORATIONS: &str = concat!(
    "SELECT c.id, c.name, c.kind, c.region, c.start_date, c.end_date, c.demo_key, \
     (SELECT COUNT(*) FROM collaboration_partners p WHERE p.collaboration_id = c.id) AS partner_count \
     FROM collaborations c ",
    collaboration_where!(),
    " ORDER BY c.name_search, c.id LIMIT $4 OFFSET $5"
);

pub const SELECT_COLLABORATION: &str = "SELECT id, name, kind, wgr_form, task, public_value, region, start_date, end_date, demo_key, version, created_at, updated_at FROM collaborations WHERE id = $1";

pub const SELECT_PHASES: &str =
    "SELECT name FROM collaboration_phases WHERE collaboration_id = $1 ORDER BY position";

pub const SELECT_PARTNERS: &str = "SELECT p.org_code, o.name, o.org_type, p.role FROM collaboration_partners p \
     JOIN organisations o ON o.code = p.org_code WHERE p.collaboration_id = $1 ORDER BY p.added_at, p.org_code";

pub const INSERT_COLLABORATION: &str = "INSERT INTO collaborations (name, name_search, kind, wgr_form, task, public_value, region, start_date, end_date, demo_key, version, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id";

pub const UPDATE_COLLABORATION: &str = "UPDATE collaborations SET name = $1, name_search = $2, kind = $3, wgr_form = $4, task = $5, public_value = $6, \
     region = $7, start_date = $8, end_date = $9, updated_at = $10, version = version + 1 WHERE id = $11 AND version = $12";

pub const BUMP_VERSION: &str =
    "UPDATE collaborations SET version = version + 1, updated_at = $1 WHERE id = $2";

pub const INSERT_PHASE: &str =
    "INSERT INTO collaboration_phases (collaboration_id, position, name) VALUES ($1, $2, $3)";

pub const DELETE_PHASES: &str = "DELETE FROM collaboration_phases WHERE collaboration_id = $1";

pub const INSERT_PARTNER: &str = "INSERT INTO collaboration_partners (collaboration_id, org_code, role, added_at) VALUES ($1, $2, $3, $4)";

pub const FIND_DEMO_COLLABORATION: &str = "SELECT id FROM collaborations WHERE demo_key = $1";

pub const IS_PARTNER: &str =
    "SELECT 1 FROM collaboration_partners WHERE collaboration_id = $1 AND org_code = $2";

pub const SELECT_STANCE_PHASES: &str =
    "SELECT DISTINCT phase FROM stances WHERE collaboration_id = $1 AND phase IS NOT NULL";

pub const INSERT_STANCE: &str = "INSERT INTO stances (collaboration_id, org_code, phase, stated_by, stated_at, \
     score_1, score_2, score_3, score_4, score_5, score_6, \
     motivation_1, motivation_2, motivation_3, motivation_4, motivation_5, motivation_6) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id";

pub const LIST_STANCES: &str = "SELECT id, org_code, phase, stated_by, stated_at, \
     score_1, score_2, score_3, score_4, score_5, score_6, \
     motivation_1, motivation_2, motivation_3, motivation_4, motivation_5, motivation_6 \
     FROM stances WHERE collaboration_id = $1 ORDER BY stated_at, id";
