//! Why a store refuses a change that conflicts with the current state: the messages of
//! [`StoreError::Conflict`](crate::StoreError::Conflict), in Dutch with their catalogue ids
//! (`locales/*/problems.ftl`), so the web layer can show them in the visitor's language.

use chrono::{DateTime, Utc};
use samenspel_domain::{Message, msg};

/// Someone else saved the collaboration since the form or request was based on it; it is now
/// at `version`, saved at `updated_at`.
pub fn stale_version(version: i64, updated_at: DateTime<Utc>) -> Message {
    msg!(
        "conflict-stale-version",
        "De samenwerking is intussen gewijzigd (nu versie {version}, laatst gewijzigd {changed}). Laad de pagina opnieuw en breng uw wijziging opnieuw aan.",
        version = version,
        changed = updated_at.format("%Y-%m-%d %H:%M UTC")
    )
}

/// Someone else changed the UDO dossier (its content or a step) since the request was based
/// on it.
pub fn stale_udo_version(version: i64, updated_at: DateTime<Utc>) -> Message {
    msg!(
        "conflict-stale-udo-version",
        "Het UDO-dossier is intussen gewijzigd (nu versie {version}, laatst gewijzigd {changed}). Laad de pagina opnieuw en breng uw wijziging opnieuw aan.",
        version = version,
        changed = updated_at.format("%Y-%m-%d %H:%M UTC")
    )
}

/// A collaboration with the same key was made at the same moment.
pub fn collaboration_key_taken() -> Message {
    msg!(
        "conflict-collaboration-key-taken",
        "Er bestaat al een samenwerking met deze sleutel."
    )
}

/// Another partner organisation got the code at the same moment.
pub fn organisation_code_taken() -> Message {
    msg!(
        "conflict-organisation-code-taken",
        "Deze code voor de organisatie werd tegelijk door iemand anders gebruikt; probeer het opnieuw."
    )
}

/// An imported collaboration changed while the import ran.
pub fn changed_during_import(source_key: &str) -> Message {
    msg!(
        "conflict-changed-during-import",
        "{source_key}: gewijzigd tijdens het importeren; probeer het opnieuw.",
        source_key = source_key
    )
}

/// The import would remove a partner that has given stances.
pub fn partner_has_stances(source_key: &str, code: &str) -> Message {
    msg!(
        "conflict-partner-has-stances",
        "{source_key}: partner {code} heeft standpunten gegeven en kan niet door het importeren worden verwijderd.",
        source_key = source_key,
        code = code
    )
}

/// The import would merge away a collaboration on which people recorded something.
pub fn merge_has_records(source_key: &str) -> Message {
    msg!(
        "conflict-merge-has-records",
        "{source_key} hoort nu bij een andere regeling, maar er zijn standpunten of een peiling bij vastgelegd; het importeren voegt ze niet samen.",
        source_key = source_key
    )
}

/// A wave closed while answers were being stored.
pub fn wave_closed() -> Message {
    msg!(
        "conflict-wave-closed",
        "Deze golf is gesloten; er kunnen geen antwoorden meer bij."
    )
}

/// A wave with this key exists already.
pub fn wave_exists(key: &str) -> Message {
    msg!("conflict-wave-exists", "Er is al een golf '{key}'.", key = key)
}

/// A medebewind task was changed by someone else since it was loaded.
pub fn stale_medebewind_version(version: i64, updated_at: DateTime<Utc>) -> Message {
    msg!(
        "conflict-stale-medebewind-version",
        "De taak is intussen gewijzigd (nu versie {version}, laatst gewijzigd {changed}). Laad de pagina opnieuw en breng uw wijziging opnieuw aan.",
        version = version,
        changed = updated_at.format("%Y-%m-%d %H:%M UTC")
    )
}

/// The starter set's task is already in the register.
pub fn medebewind_starter_loaded() -> Message {
    msg!(
        "conflict-medebewind-starter-loaded",
        "Deze taak uit de startset staat al in het register."
    )
}
