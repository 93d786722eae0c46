//! The messages of the use cases' own refusals (too many attempts, a wave that takes nothing
//! now), in Dutch with their catalogue ids (`locales/*/problems.ftl`), so the web layer can
//! show them in the visitor's language.

use samenspel_domain::survey::period::NotAnswerable;
use samenspel_domain::{Message, msg};

/// Too many failed sign-ins; try again after `minutes`.
pub fn too_many_sign_ins(minutes: i64) -> Message {
    msg!(
        "refusal-too-many-sign-ins",
        "Te veel mislukte pogingen om aan te melden. Probeer het over {minutes} minuten opnieuw.",
        minutes = minutes
    )
}

/// Too many answers by a wave's open link from one address; try again after `minutes`.
pub fn too_many_link_answers(answers: u32, minutes: u64) -> Message {
    msg!(
        "refusal-too-many-link-answers",
        "Vanaf dit adres zijn in korte tijd al {answers} antwoorden op deze golf gegeven. Probeer het over {minutes} minuten opnieuw; uw antwoorden zijn niet opgeslagen.",
        answers = answers,
        minutes = minutes
    )
}

/// Too many exports of the whole register from one address without signing in; try again
/// after `minutes`.
pub fn too_many_exports(exports: u32, minutes: u64) -> Message {
    msg!(
        "refusal-too-many-exports",
        "Vanaf dit adres is de hele lijst van samenwerkingen in korte tijd al {exports} keer zonder aanmelding opgevraagd. Probeer het over {minutes} minuten opnieuw, of meld u aan.",
        exports = exports,
        minutes = minutes
    )
}

/// No invitations were made for a wave that takes no answers now.
pub fn no_invitations(why: NotAnswerable) -> Message {
    match why {
        NotAnswerable::Closed => msg!(
            "refusal-no-invitations-closed",
            "Geen uitnodigingen gemaakt: deze golf is gesloten."
        ),
        NotAnswerable::NotYetOpen(_) => msg!(
            "refusal-no-invitations-not-yet-open",
            "Geen uitnodigingen gemaakt: deze golf is nog niet open."
        ),
        NotAnswerable::PastClosingDate(_) => msg!(
            "refusal-no-invitations-past-closing",
            "Geen uitnodigingen gemaakt: deze golf neemt geen antwoorden meer aan."
        ),
    }
}
