//! The statements, in the SQL that both SQLite and PostgreSQL accept.

/// Locks the head of the audit chain (a row lock in PostgreSQL; SQLite has one writer) and
/// reads the last hash, so concurrent writers extend the chain one after the other.
pub const LOCK_AUDIT_HEAD: &str = "UPDATE audit_head SET last_id = last_id WHERE id = 1 RETURNING last_hash";

pub const INSERT_AUDIT: &str = "INSERT INTO audit_events (occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

pub const SET_AUDIT_HASH: &str = "UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE id = $3";

pub const AUDIT_HEAD: &str = "SELECT last_id, last_hash FROM audit_head WHERE id = 1";

pub const MOVE_AUDIT_HEAD: &str = "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1";

pub const LIST_AUDIT: &str = "SELECT id, occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json FROM audit_events WHERE subject_type = $1 AND subject_id = $2 ORDER BY id";

pub const AUDIT_CHAIN_PAGE: &str = "SELECT id, occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json, prev_hash, hash FROM audit_events WHERE id > $1 ORDER BY id LIMIT 1000";

macro_rules! org_columns {
    () => {
        "SELECT code, name, org_type, abbreviation, province_code, is_reference, ended FROM organisations "
    };
}

macro_rules! org_where {
    () => {
        "WHERE ($1 IS NULL OR org_type = $1) AND ($2 IS NULL OR name_search LIKE $2 ESCAPE '\\' OR code LIKE $3 ESCAPE '\\') AND ($4 OR ended = FALSE)"
    };
}

pub const COUNT_ORGANISATIONS: &str = concat!("SELECT COUNT(*) FROM organisations ", org_where!());

pub const LIST_ORGANISATIONS: &str = concat!(
    org_columns!(),
    org_where!(),
    " ORDER BY name_search, code LIMIT $5 OFFSET $6"
);

pub const GET_ORGANISATION: &str = concat!(org_columns!(), "WHERE code = $1");

/// Only rewrites a row when something differs, so loading the same reference data twice
/// changes nothing.
pub const UPSERT_REFERENCE_ORGANISATION: &str = "INSERT INTO organisations (code, name, name_search, org_type, abbreviation, province_code, is_reference, created_at, ended) \
     VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7, $8) \
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_search = excluded.name_search, org_type = excluded.org_type, \
     abbreviation = excluded.abbreviation, province_code = excluded.province_code, ended = excluded.ended \
     WHERE organisations.name <> excluded.name OR organisations.org_type <> excluded.org_type OR organisations.ended <> excluded.ended \
     OR COALESCE(organisations.abbreviation, '') <> COALESCE(excluded.abbreviation, '') \
     OR COALESCE(organisations.province_code, '') <> COALESCE(excluded.province_code, '')";

pub const LAST_ADDED_ORGANISATION_CODE: &str = "SELECT code FROM organisations WHERE is_reference = FALSE AND code LIKE 'OR%' ORDER BY code DESC LIMIT 1";

pub const INSERT_ADDED_ORGANISATION: &str = "INSERT INTO organisations (code, name, name_search, org_type, abbreviation, province_code, is_reference, created_at) VALUES ($1, $2, $3, $4, $5, NULL, FALSE, $6)";

macro_rules! collaboration_where {
    () => {
        "WHERE ($1 IS NULL OR c.kind = $1) AND ($2 IS NULL OR c.name_search LIKE $2 ESCAPE '\\') \
     AND ($3 IS NULL OR EXISTS (SELECT 1 FROM collaboration_partners p WHERE p.collaboration_id = c.id AND p.org_code = $3)) \
     AND ($4 OR c.published OR ($5 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners p JOIN memberships m ON m.org_code = p.org_code \
          WHERE p.collaboration_id = c.id AND m.user_id = $5))) \
     AND ($6 IS NULL OR EXISTS (SELECT 1 FROM collaboration_partners p WHERE p.collaboration_id = c.id \
          AND (',' || $6 || ',') LIKE ('%,' || p.org_code || ',%'))) \
     AND ($7 IS NULL OR LOWER(c.policy_areas) LIKE $7 ESCAPE '\\') \
     AND ($8 IS NULL \
          OR ($8 = 'lopend' AND (c.start_date IS NULL OR c.start_date <= $9) AND (c.end_date IS NULL OR c.end_date >= $9)) \
          OR ($8 = 'beeindigd' AND c.end_date < $9))"
    };
}

pub const COUNT_COLLABORATIONS: &str =
    concat!("SELECT COUNT(*) FROM collaborations c ", collaboration_where!());

pub const LIST_COLLABORATIONS: &str = concat!(
    "SELECT c.id, c.name, c.kind, c.region, c.start_date, c.end_date, c.demo_key, c.published, \
     (SELECT COUNT(*) FROM collaboration_partners p WHERE p.collaboration_id = c.id) AS partner_count \
     FROM collaborations c ",
    collaboration_where!(),
    " ORDER BY c.name_search, c.id LIMIT $10 OFFSET $11"
);

pub const INVOLVEMENTS: &str = "SELECT c.id, c.name, c.kind, c.wgr_form, c.start_date, c.end_date, c.published, p.role, p.joined_on, \
     (SELECT d.control_json FROM democratic_control d WHERE d.collaboration_id = c.id) AS control_json \
     FROM collaboration_partners p JOIN collaborations c ON c.id = p.collaboration_id \
     WHERE p.org_code = $1 AND ($2 OR c.published OR ($3 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $3))) \
     ORDER BY c.name_search, c.id";

/// All money of one organisation, in any collaboration (the overview keeps the visible ones).
pub const CONTRIBUTIONS_OF_ORG: &str = "SELECT collaboration_id, id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at \
     FROM contributions WHERE org_code = $1 ORDER BY collaboration_id, year, id";

/// The municipal partners of every collaboration the reader may see, one row per partner.
pub const MUNICIPAL_GROUPS: &str = "SELECT c.id, c.name, c.kind, c.start_date, c.end_date, p.org_code \
     FROM collaborations c JOIN collaboration_partners p ON p.collaboration_id = c.id \
     JOIN organisations o ON o.code = p.org_code \
     WHERE o.org_type = 'gemeente' AND ($1 OR c.published OR ($2 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $2))) \
     ORDER BY c.id, p.org_code";

pub const SELECT_COLLABORATION: &str = "SELECT id, name, kind, wgr_form, task, public_value, region, start_date, end_date, demo_key, published, version, created_at, updated_at, legal_basis, policy_areas, source_key FROM collaborations WHERE id = $1";

pub const SET_PUBLISHED: &str =
    "UPDATE collaborations SET published = $1, version = version + 1, updated_at = $2 WHERE id = $3";

pub const SELECT_PHASES: &str =
    "SELECT name FROM collaboration_phases WHERE collaboration_id = $1 ORDER BY position";

pub const SELECT_PARTNERS: &str = "SELECT p.org_code, o.name, o.org_type, p.role, p.joined_on, p.notes FROM collaboration_partners p \
     JOIN organisations o ON o.code = p.org_code WHERE p.collaboration_id = $1 ORDER BY p.added_at, p.org_code";

pub const INSERT_COLLABORATION: &str = "INSERT INTO collaborations (name, name_search, kind, wgr_form, task, public_value, region, start_date, end_date, demo_key, version, created_at, updated_at, legal_basis, policy_areas, source_key, source_hash, published) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11, $12, $13, $14, $15, $16) RETURNING id";

pub const UPDATE_COLLABORATION: &str = "UPDATE collaborations SET name = $1, name_search = $2, kind = $3, wgr_form = $4, task = $5, public_value = $6, \
     region = $7, start_date = $8, end_date = $9, updated_at = $10, version = version + 1, legal_basis = $13, policy_areas = $14 WHERE id = $11 AND version = $12";

pub const BUMP_VERSION: &str =
    "UPDATE collaborations SET version = version + 1, updated_at = $1 WHERE id = $2";

pub const INSERT_PHASE: &str =
    "INSERT INTO collaboration_phases (collaboration_id, position, name) VALUES ($1, $2, $3)";

pub const DELETE_PHASES: &str = "DELETE FROM collaboration_phases WHERE collaboration_id = $1";

pub const INSERT_PARTNER: &str = "INSERT INTO collaboration_partners (collaboration_id, org_code, role, added_at, joined_on, notes) VALUES ($1, $2, $3, $4, $5, $6)";

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

pub const INSERT_USER: &str =
    "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id";

pub const FIND_USER_BY_EMAIL: &str = "SELECT id, email, name, password_hash FROM users WHERE email = $1";

pub const GET_USER: &str = "SELECT id, email, name, password_hash FROM users WHERE id = $1";

pub const USER_MEMBERSHIPS: &str =
    "SELECT org_code, role FROM memberships WHERE user_id = $1 ORDER BY org_code";

pub const UPSERT_MEMBERSHIP: &str = "INSERT INTO memberships (user_id, org_code, role) VALUES ($1, $2, $3) \
     ON CONFLICT (user_id, org_code) DO UPDATE SET role = excluded.role";

pub const DELETE_MEMBERSHIP: &str = "DELETE FROM memberships WHERE user_id = $1 AND org_code = $2";

pub const SET_PASSWORD_HASH: &str = "UPDATE users SET password_hash = $1 WHERE id = $2";

pub const INSERT_SESSION: &str =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";

pub const SESSION_USER_ID: &str = "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2";

pub const DELETE_SESSION: &str = "DELETE FROM sessions WHERE token_hash = $1";
/// Every session of a user but one (a token hash is never empty, so `''` keeps none).
pub const DELETE_OTHER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";

pub const INSERT_TOKEN: &str = "INSERT INTO api_tokens (user_id, token_hash, purpose, created_at, expires_at, revoked_at) \
     VALUES ($1, $2, $3, $4, $5, NULL) RETURNING id";

pub const TOKEN_USER_ID: &str = "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND purpose = $2 \
     AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)";

pub const REVOKE_TOKENS: &str =
    "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND purpose = $3 AND revoked_at IS NULL";

pub const INSERT_LOGIN_ATTEMPT: &str =
    "INSERT INTO login_attempts (email, address, succeeded, attempted_at) VALUES ($1, $2, $3, $4)";

pub const COUNT_FAILURES_BY_EMAIL: &str =
    "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND succeeded = FALSE AND attempted_at > $2";

pub const COUNT_FAILURES_BY_ADDRESS: &str =
    "SELECT COUNT(*) FROM login_attempts WHERE address = $1 AND succeeded = FALSE AND attempted_at > $2";

pub const REGISTER_KEYS: &str =
    "SELECT id, source_key, source_hash, version FROM collaborations WHERE source_key LIKE $1";

pub const SET_SOURCE_HASH: &str = "UPDATE collaborations SET source_hash = $1 WHERE id = $2";

pub const PARTNER_CODES: &str = "SELECT org_code FROM collaboration_partners WHERE collaboration_id = $1";

pub const DELETE_PARTNER: &str =
    "DELETE FROM collaboration_partners WHERE collaboration_id = $1 AND org_code = $2";

pub const UPDATE_PARTNER: &str = "UPDATE collaboration_partners SET role = $1, joined_on = $2, notes = $3 WHERE collaboration_id = $4 AND org_code = $5";

pub const LIST_CONTRIBUTIONS: &str = "SELECT id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at \
     FROM contributions WHERE collaboration_id = $1 ORDER BY year, org_code, instrument, status";

pub const CONTRIBUTION_BY_KEY: &str = "SELECT id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at \
     FROM contributions WHERE collaboration_id = $1 AND org_code = $2 AND year = $3 AND instrument = $4 AND status = $5";

pub const CONTRIBUTION_BY_ID: &str = "SELECT id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at \
     FROM contributions WHERE collaboration_id = $1 AND id = $2";

pub const UPSERT_CONTRIBUTION: &str = "INSERT INTO contributions (collaboration_id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (collaboration_id, org_code, year, instrument, status) \
     DO UPDATE SET amount_cents = excluded.amount_cents, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at RETURNING id";

pub const DELETE_CONTRIBUTION: &str = "DELETE FROM contributions WHERE collaboration_id = $1 AND id = $2";

pub const DELETE_MONEY_OF: &str = "DELETE FROM contributions WHERE collaboration_id = $1";

pub const SELECT_CONTROL: &str = "SELECT control_json FROM democratic_control WHERE collaboration_id = $1";

pub const UPSERT_CONTROL: &str = "INSERT INTO democratic_control (collaboration_id, control_json, next_evaluation, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (collaboration_id) DO UPDATE SET control_json = excluded.control_json, \
     next_evaluation = excluded.next_evaluation, updated_by = excluded.updated_by, updated_at = excluded.updated_at";

pub const LIST_MOORE: &str = "SELECT org_code, statement_json, updated_by, updated_at FROM moore_statements WHERE collaboration_id = $1 ORDER BY org_code";

pub const SELECT_MOORE: &str =
    "SELECT statement_json FROM moore_statements WHERE collaboration_id = $1 AND org_code = $2";

pub const UPSERT_MOORE: &str = "INSERT INTO moore_statements (collaboration_id, org_code, statement_json, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (collaboration_id, org_code) DO UPDATE SET statement_json = excluded.statement_json, \
     updated_by = excluded.updated_by, updated_at = excluded.updated_at";
