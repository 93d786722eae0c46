//! Part of the UDO dossier (see `crate::udo`); filled in by issue 14.
